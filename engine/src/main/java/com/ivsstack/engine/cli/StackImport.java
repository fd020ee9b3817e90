package com.ivsstack.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.events.DeploymentEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack import}: replaces the stack's state with an exported one, keeping the previous as backup. */
@Command(name = "import", description = "Replace the stack's state with a file written by pulumi stack export.")
final class StackImport implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Option(names = "--file", description = "Read this file instead of stdin")
    Path file;

    @Override
    public Integer call() throws IOException {
        IvsStackCli cli = stack.cli;
        JsonNode exported = file != null ? StackCommand.PRETTY.readTree(file.toFile()) : StackCommand.PRETTY.readTree(cli.in);
        Optional<String> backup = cli.withEngine(DeploymentEvents.NONE, engine -> {
            int resources = engine.importStack(exported);
            cli.out.println("Imported the state of stack " + cli.global.stack + ": " + resources + " resources.");
            return engine.store().backupLocation();
        });
        backup.ifPresent(location -> cli.out.println("The previous state is kept in " + location + "."));
        return IvsStackCli.EXIT_OK;
    }
}
