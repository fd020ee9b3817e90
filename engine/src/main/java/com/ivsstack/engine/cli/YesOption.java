package com.ivsstack.engine.cli;

import picocli.CommandLine.Option;

/** {@code --yes}: go ahead without asking; refresh and import, which never ask, take it for symmetry. */
final class YesOption {
    @Option(names = {"-y", "--yes"}, description = "Go ahead without asking (refresh and import never ask)")
    boolean yes;
}
