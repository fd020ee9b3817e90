package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.render.TextRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack up}: previews, asks, then creates, updates and deletes the stack's resources. */
@Command(name = "up", aliases = "update", description = "Create or update the resources of the stack.")
final class Up implements Callable<Integer> {
    @ParentCommand
    IvsStackCli cli;

    @Mixin
    TargetOptions scope;

    @Mixin
    ChangeOptions changes;

    @Mixin
    YesOption confirmation;

    @Option(names = "--refresh", description = "Refresh the state from the cloud first")
    boolean refresh;

    @Option(names = "--skip-preview", description = "Apply without showing a preview first")
    boolean skipPreview;

    @Option(names = "--show-secrets", description = "Show secret outputs in plain text")
    boolean showSecrets;

    @Override
    @SuppressWarnings("try") // the lock is held for the body, never referenced
    public Integer call() {
        try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), changes.diff, cli.global.debug)) {
            return cli.withEngine(renderer, engine -> {
                // Locked before the preview: a second run is refused before it has done anything.
                try (Engine.Lock lock = engine.lock("ivsstack up")) {
                    return previewAndUpdate(engine, renderer);
                }
            });
        }
    }

    private int previewAndUpdate(Engine engine, TextRenderer renderer) {
        boolean yes = confirmation.yes;
        Engine.Options options = scope.options(refresh);
        if (!skipPreview || !yes) {
            renderer.header("Previewing update (" + cli.target() + "):", true);
            OperationResult preview = engine.preview(options);
            renderer.summary(preview, false);
            if (!preview.succeeded()) {
                return IvsStackCli.EXIT_FAILURE;
            }
            if (!preview.hasChanges() && !yes) {
                return IvsStackCli.EXIT_OK;
            }
            if (!yes && !cli.confirm("Do you want to perform this update?")) {
                return IvsStackCli.EXIT_FAILURE;
            }
            cli.out.println();
        }
        renderer.header("Updating (" + cli.target() + "):", false);
        OperationResult result = engine.up(options);
        renderer.summary(result, showSecrets);
        return IvsStackCli.exitCode(result, changes.expectNoChanges);
    }
}
