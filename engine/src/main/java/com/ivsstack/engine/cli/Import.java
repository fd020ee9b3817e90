package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.render.TextRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack import}: adopts one cloud resource by id, or (--all-owned) rebuilds a lost state. */
@Command(name = "import", description = {"Adopt an existing cloud resource into the stack.",
        "With --all-owned: rebuild a lost state from what the program's resources created (their ownership tags)."})
final class Import implements Callable<Integer> {
    @ParentCommand
    IvsStackCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "Resource type token, e.g. ivs:index:Channel")
    String type;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Resource name in the program")
    String name;

    @Parameters(index = "2", arity = "0..1", paramLabel = "ID", description = "The cloud id (for IVS, the ARN)")
    String id;

    @Option(names = "--all-owned", description = "Instead of TYPE NAME ID: run the program's preview and adopt "
            + "every resource it declares that the provider finds as created by it, e.g. after the state file was lost")
    boolean allOwned;

    @Mixin
    YesOption confirmation;

    @Override
    @SuppressWarnings("try")
    public Integer call() {
        if (allOwned == (id != null)) {
            throw new IllegalArgumentException(
                    "give either TYPE NAME ID to import one resource, or --all-owned (and no arguments) to adopt "
                            + "every resource the program declares that already exists");
        }
        try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), true, cli.global.debug)) {
            return cli.withEngine(renderer, engine -> {
                renderer.header("Importing (" + cli.target() + "):", false);
                OperationResult result;
                try (Engine.Lock lock = engine.lock("ivsstack import")) {
                    result = allOwned ? engine.importOwned() : engine.importResource(type, name, id, false);
                }
                renderer.summary(result, false);
                if (result.succeeded() && !allOwned) {
                    cli.out.println();
                    cli.out.println("Declare it in the program with the same type and name (and these inputs) "
                            + "so the next up keeps it.");
                }
                return IvsStackCli.exitCode(result, false);
            });
        }
    }
}
