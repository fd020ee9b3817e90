package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.render.TextRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack destroy}: previews, asks, then deletes every resource of the stack (the program is not run). */
@Command(name = "destroy", description = "Delete every resource of the stack.")
final class Destroy implements Callable<Integer> {
    @ParentCommand
    IvsStackCli cli;

    @Mixin
    TargetOptions scope;

    @Mixin
    YesOption confirmation;

    @Override
    @SuppressWarnings("try")
    public Integer call() {
        try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), false, cli.global.debug)) {
            Engine.Options options = scope.options(false);
            return cli.withEngine(renderer, engine -> {
                try (Engine.Lock lock = engine.lock("ivsstack destroy")) {
                    return previewAndDestroy(engine, renderer, options);
                }
            });
        }
    }

    private int previewAndDestroy(Engine engine, TextRenderer renderer, Engine.Options options) {
        renderer.header("Previewing destroy (" + cli.target() + "):", true);
        OperationResult preview = engine.destroy(true, options);
        renderer.summary(preview, false);
        if (!preview.succeeded()) {
            return IvsStackCli.EXIT_FAILURE;
        }
        if (!preview.hasChanges()) {
            return IvsStackCli.EXIT_OK;
        }
        if (!confirmation.yes && !cli.confirm("Do you want to delete these resources?")) {
            return IvsStackCli.EXIT_FAILURE;
        }
        cli.out.println();
        renderer.header("Destroying (" + cli.target() + "):", false);
        OperationResult result = engine.destroy(false, options);
        renderer.summary(result, false);
        return IvsStackCli.exitCode(result, false);
    }
}
