package com.ivsstack.bench.plugin;

import java.io.IOException;
import java.nio.file.Path;

/** The two ways of calling IVS that the benchmark compares, each a plugin process it starts. */
public enum CallStrategy {
    /** The packaged plugin as users run it: its launcher. */
    OURS("ours (paced, batched)"),
    /** The same plugin with a plain client ({@link BaselinePlugin}). */
    BASELINE("baseline (one Get per resource, unpaced, SDK retries)");

    private final String label;

    CallStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The executable that starts the plugin of this strategy from the installed plugin directory. */
    public Path launcher(Path pluginDirectory) throws IOException {
        return this == OURS ? pluginDirectory.resolve("pulumi-resource-ivs") : BaselinePlugin.launcher(pluginDirectory);
    }
}
