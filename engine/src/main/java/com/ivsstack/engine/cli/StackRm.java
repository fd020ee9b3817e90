package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StackCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ivsstack stack rm}: removes the stack's state from the backend (Pulumi's {@code stack rm}): refused while it
 * holds resources, unless {@code --force}.
 */
@Command(name = "rm", description = {"Remove the stack: its state, history and configuration file.",
        "Refused while the state holds resources (destroy them first), unless --force."})
final class StackRm implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Option(names = {"-f", "--force"}, description = "Remove the stack even though it holds resources (they stay in "
            + "the cloud, unmanaged)")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Remove without asking")
    boolean yes;

    @Option(names = "--preserve-config", description = "Keep Pulumi.<stack>.yaml")
    boolean preserveConfig;

    @Override
    public Integer call() throws IOException {
        IvsStackCli cli = stack.cli;
        String name = cli.global.stack;
        try (StackCatalog catalog = cli.catalog()) {
            if (!yes && !cli.confirm("This removes stack '" + name + "' from " + catalog.backend().url()
                    + ". Do you want to remove it?")) {
                return IvsStackCli.EXIT_FAILURE;
            }
            List<String> left = catalog.remove(name, force);
            if (!preserveConfig) {
                Files.deleteIfExists(configFile(cli, name));
            }
            cli.out.println("Stack '" + name + "' has been removed." + (left.isEmpty() ? "" : " Its " + left.size()
                    + " resources are still in the cloud, no longer managed by any stack."));
            return IvsStackCli.EXIT_OK;
        }
    }

    private static Path configFile(IvsStackCli cli, String stack) {
        return cli.global.projectDirectory().resolve("Pulumi." + stack + ".yaml");
    }
}
