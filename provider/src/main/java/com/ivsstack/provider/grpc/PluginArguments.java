package com.ivsstack.provider.grpc;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line the Pulumi engine starts a plugin with: optional {@code --logtostderr}, {@code --logflow},
 * {@code -v=N}, {@code --tracing <endpoint>}, then the engine's gRPC address as the last positional argument. Flags we
 * do not know are ignored (newer engines may add some); a plugin started by hand may have no engine address.
 *
 * @param engineAddress the engine's {@code host:port}, or null
 * @param verbosity the {@code -v} level, 0 when absent
 * @param tracing the tracing endpoint, or null (accepted for compatibility, not used)
 * @param ignoredFlags flags that were not recognised, for a diagnostic
 */
public record PluginArguments(String engineAddress, int verbosity, String tracing, List<String> ignoredFlags) {

    public PluginArguments {
        ignoredFlags = List.copyOf(ignoredFlags);
    }

    public static PluginArguments parse(String... args) {
        String tracing = null;
        int verbosity = 0;
        var positional = new ArrayList<String>();
        var ignored = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--logtostderr") || arg.equals("-logtostderr") || arg.equals("--logflow")) {
                continue;
            }
            if (arg.equals("--tracing") || arg.equals("-tracing")) {
                if (i + 1 < args.length) {
                    tracing = args[++i];
                }
            } else if (arg.startsWith("--tracing=") || arg.startsWith("-tracing=")) {
                tracing = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("-v=") || arg.startsWith("--v=")) {
                verbosity = parseVerbosity(arg.substring(arg.indexOf('=') + 1), ignored, arg);
            } else if (arg.equals("-v") || arg.equals("--v")) {
                // Go's flag package also accepts "-v N".
                if (i + 1 < args.length) {
                    verbosity = parseVerbosity(args[++i], ignored, arg);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                ignored.add(arg);
            } else {
                positional.add(arg);
            }
        }
        String engine = positional.isEmpty() ? null : positional.get(positional.size() - 1);
        return new PluginArguments(engine, verbosity, tracing, ignored);
    }

    private static int parseVerbosity(String level, List<String> ignored, String arg) {
        try {
            return Math.max(0, Integer.parseInt(level.strip()));
        } catch (NumberFormatException notANumber) {
            ignored.add(arg);
            return 0;
        }
    }
}
