package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StackCatalog;
import com.ivsstack.engine.state.backend.UpdateRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack history}: the stack's updates, newest first, as Pulumi keeps them in a DIY backend. */
@Command(name = "history", description = "Show the stack's updates, newest first: kind, result, start, end and "
        + "resource changes.")
final class StackHistory implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Override
    public Integer call() {
        IvsStackCli cli = stack.cli;
        try (StackCatalog catalog = cli.catalog()) {
            List<UpdateRecord> history = catalog.history(cli.global.stack);
            if (history.isEmpty()) {
                cli.out.println("Stack '" + cli.global.stack + "' has no updates in " + catalog.backend().url() + ".");
                return IvsStackCli.EXIT_OK;
            }
            int number = history.size();
            for (UpdateRecord update : history) {
                cli.out.println("Version " + number-- + ": " + update.kind() + ", " + update.result());
                cli.out.println("    started  " + Instant.ofEpochSecond(update.startTime()));
                cli.out.println("    ended    " + Instant.ofEpochSecond(update.endTime()) + " ("
                        + (update.endTime() - update.startTime()) + " s)");
                cli.out.println("    changes  " + changes(update.resourceChanges()));
            }
            return IvsStackCli.EXIT_OK;
        }
    }

    private static String changes(Map<String, Integer> changes) {
        return changes.isEmpty() ? "none" : changes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
