package com.ivsstack.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.events.DeploymentEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack export}: the stack's state in the format of {@code pulumi stack export}. */
@Command(name = "export", description = "Write the stack's state in the format of pulumi stack export.")
final class StackExport implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Option(names = "--file", description = "Write to this file instead of stdout")
    Path file;

    @Override
    public Integer call() throws IOException {
        JsonNode exported = stack.cli.withEngine(DeploymentEvents.NONE, Engine::exportStack);
        String text = StackCommand.PRETTY.writeValueAsString(exported) + "\n";
        if (file != null) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } else {
            stack.cli.out.print(text);
        }
        return IvsStackCli.EXIT_OK;
    }
}
