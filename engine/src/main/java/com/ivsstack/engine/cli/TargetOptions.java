package com.ivsstack.engine.cli;

import com.ivsstack.engine.Engine;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Which resources a command changes, and how many provider operations at once: preview, up and destroy take them. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "URN", description = "Only these resources (repeatable)")
    List<String> targets = List.of();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "10",
            description = "Run at most N provider operations at once (default: ${DEFAULT-VALUE})")
    int parallel;

    Engine.Options options(boolean refresh) {
        return new Engine.Options(refresh, new LinkedHashSet<>(targets), parallel);
    }
}
