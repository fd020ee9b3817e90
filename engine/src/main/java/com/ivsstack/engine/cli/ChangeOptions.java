package com.ivsstack.engine.cli;

import picocli.CommandLine.Option;

/** How the commands that find changes (preview, up, refresh) show them and answer for them. */
final class ChangeOptions {
    @Option(names = "--diff", description = "Show the property changes of every step")
    boolean diff;

    @Option(names = "--expect-no-changes",
            description = "Exit with 2 if there are changes (for refresh: if the cloud differs from the state)")
    boolean expectNoChanges;
}
