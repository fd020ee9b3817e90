package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StackCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ivsstack stack ls}: the project's stacks on the backend, as {@code pulumi stack ls} lists them. */
@Command(name = "ls", description = "List the project's stacks on the backend: last update and resource count.")
final class StackLs implements Callable<Integer> {
    @ParentCommand
    StackCommand stack;

    @Override
    public Integer call() {
        IvsStackCli cli = stack.cli;
        try (StackCatalog catalog = cli.catalog()) {
            List<StackCatalog.StackSummary> stacks = catalog.list();
            if (stacks.isEmpty()) {
                cli.out.println("No stacks of this project in " + catalog.backend().url() + ".");
                return IvsStackCli.EXIT_OK;
            }
            cli.out.printf("%-24s %-22s %s%n", "NAME", "LAST UPDATE", "RESOURCE COUNT");
            Instant now = Instant.now();
            for (StackCatalog.StackSummary s : stacks) {
                String name = s.name() + (s.name().equals(cli.global.stack) ? "*" : "") + (s.locked() ? " (locked)" : "");
                cli.out.printf("%-24s %-22s %d%n", name, s.lastUpdate().map(t -> ago(Duration.between(t, now))).orElse("n/a"),
                        s.resources());
            }
            return IvsStackCli.EXIT_OK;
        }
    }

    /** "3 minutes ago", as the Pulumi CLI words it. */
    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + (s == 1 ? " second ago" : " seconds ago");
        }
        long m = s / 60;
        if (m < 60) {
            return m + (m == 1 ? " minute ago" : " minutes ago");
        }
        long h = m / 60;
        if (h < 48) {
            return h + (h == 1 ? " hour ago" : " hours ago");
        }
        return (h / 24) + " days ago";
    }
}
