package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StackCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ivsstack cancel}: removes the stack's lock left by a run that is gone (a crash, a killed CI job), after
 * showing it and asking. As {@code pulumi cancel}, it removes every lock file of the stack, the Pulumi CLI's too; it
 * refuses where the store shows the holder is still running (a file or a PostgreSQL session lock).
 */
@Command(name = "cancel", description = {"Remove the stack's lock left by a run that is gone, after confirmation.",
        "A run that still holds its lock on a file system or PostgreSQL backend is never cancelled."})
final class Cancel implements Callable<Integer> {
    @ParentCommand
    IvsStackCli cli;

    @Option(names = {"-y", "--yes"}, description = "Remove the lock without asking")
    boolean yes;

    @Override
    public Integer call() {
        String stack = cli.global.stack;
        try (StackCatalog catalog = cli.catalog()) {
            List<String> locks = catalog.locks(stack);
            if (locks.isEmpty()) {
                cli.out.println("Stack '" + stack + "' is not locked in " + catalog.backend().url() + ".");
                return IvsStackCli.EXIT_OK;
            }
            cli.out.println("Stack '" + stack + "' is locked in " + catalog.backend().url() + " by:");
            locks.forEach(l -> cli.out.println("    " + l));
            if (!yes && !cli.confirm("Removing the lock lets the next run go ahead: make sure that run is gone. "
                    + "Do you want to remove the lock?")) {
                return IvsStackCli.EXIT_FAILURE;
            }
            List<String> removed = catalog.cancel(stack);
            cli.out.println("Removed " + removed.size() + " lock" + (removed.size() == 1 ? "" : "s") + " of stack '"
                    + stack + "'.");
            return IvsStackCli.EXIT_OK;
        }
    }
}
