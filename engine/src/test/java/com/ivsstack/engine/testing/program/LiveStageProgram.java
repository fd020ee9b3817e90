package com.ivsstack.engine.testing.program;

import com.ivsstack.ivs.realtime.Stage;
import com.ivsstack.ivs.realtime.StageArgs;
import com.pulumi.Pulumi;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A stage whose name (config {@code stageName}) replaces it, through the replaceOnChanges option: no input of a
 * stage replaces it by itself, so this is how a program asks the engine to replace one.
 */
public final class LiveStageProgram {
    private LiveStageProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var stage = new Stage("studio", StageArgs.builder().name(ctx.config().require("stageName")).build(),
                    CustomResourceOptions.builder().replaceOnChanges("name").build());
            ctx.export("stageArn", stage.arn());
        });
    }
}
