package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.render.TextRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack refresh}: reads every resource back and records (or, with --preview-only, reports) what exists. */
@Command(name = "refresh", description = "Update the state from what really exists in the cloud.")
final class Refresh implements Callable<Integer> {
    @ParentCommand
    IvsStackCli cli;

    @Mixin
    ChangeOptions changes;

    @Mixin
    YesOption confirmation;

    @Option(names = "--preview-only", description = "Only report the differences; keep the state as it is")
    boolean previewOnly;

    @Override
    public Integer call() {
        try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), changes.diff, cli.global.debug)) {
            return cli.withEngine(renderer, engine -> {
                renderer.header((previewOnly ? "Previewing refresh (" : "Refreshing (") + cli.target() + "):", previewOnly);
                OperationResult result = engine.refresh(previewOnly, Engine.Options.DEFAULT);
                renderer.summary(result, false);
                return IvsStackCli.exitCode(result, changes.expectNoChanges);
            });
        }
    }
}
