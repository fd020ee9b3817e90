package com.ivsstack.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack}: the group of commands about the stack's outputs and state. */
@Command(name = "stack", description = "Stack outputs and state files.",
        subcommands = {StackOutput.class, StackExport.class, StackImport.class,
                StackGraph.class, StackLs.class, StackRm.class, StackHistory.class})
final class StackCommand {
    /** How the stack commands write JSON for people. */
    static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    IvsStackCli cli;
}
