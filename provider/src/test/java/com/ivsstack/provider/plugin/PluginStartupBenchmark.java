package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;

/**
 * Prints how long the packaged plugin takes from exec to the port line, and to its first answered RPC
 * (GetPluginInfo), over several cold starts. A program, not a test; after {@code package}:
 * <pre>
 * ./mvnw -B -o -q -pl provider -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp provider/target/test-classes:provider/target/classes:$(cat provider/target/cp.txt) \
 *     -Divs.plugin.tarball=provider/target/pulumi-resource-ivs-v0.1.0-linux-amd64.tar.gz \
 *     com.ivsstack.provider.plugin.PluginStartupBenchmark 10
 * </pre>
 */
public final class PluginStartupBenchmark {

    private PluginStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        var toPort = new ArrayList<Long>();
        var toFirstAnswer = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
                plugin.stub().getPluginInfo(Empty.getDefaultInstance());
                toFirstAnswer.add((System.nanoTime() - started) / 1_000_000);
                toPort.add(plugin.millisToPort());
            }
        }
        System.out.printf("%d cold starts of pulumi-resource-ivs%n", runs);
        System.out.printf("  exec -> port line:       median %d ms, min %d ms, max %d ms%n",
                median(toPort), Collections.min(toPort), Collections.max(toPort));
        System.out.printf("  exec -> GetPluginInfo:   median %d ms, min %d ms, max %d ms%n",
                median(toFirstAnswer), Collections.min(toFirstAnswer), Collections.max(toFirstAnswer));
    }

    private static long median(ArrayList<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
