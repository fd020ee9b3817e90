package com.ivsstack.bench;

import com.ivsstack.bench.apply.ApplyBenchmark;
import com.ivsstack.bench.engine.EngineBenchmark;
import com.ivsstack.bench.engine.StateBackendBenchmark;
import com.ivsstack.bench.plugin.PackagedPlugin;
import com.ivsstack.bench.plugin.SystemJvmPlugin;
import com.ivsstack.bench.refresh.RefreshBenchmark;
import com.ivsstack.bench.startup.StartupBenchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The performance benchmark of docs/performance.md. From the repository root, after
 * {@code ./mvnw -B -Pbench -DskipTests package}: {@code java -jar bench/target/ivs-bench.jar [options]}.
 *
 * <pre>
 *   --runs N                 measurements per figure (default 5)
 *   --only a,b               sections: startup, refresh, apply, engine (default all)
 *   --plugin-tarball PATH    the packaged plugin (default provider/target/pulumi-resource-ivs-v*.tar.gz)
 *   --plugin-jvm bundled|system  the JVM of the refresh, apply and engine sections: the tarball's runtime (default),
 *                            or this JVM with the plugin's jars (the startup section measures both)
 *   --refresh-channels N     channels of the refresh (default 500); --refresh-baseline-channels N (default 50)
 *   --refresh-parallel N     Reads in flight at once (default 1000: all, like the Pulumi CLI's unbounded default)
 *   --apply-channels N       channels of the apply (default 100); --apply-parallel N (default 10, the CLI's default)
 *   --engine-sizes a,b,c     resources of the previewed programs (default 100,500,2000)
 *   --engine-workdir DIR     keep the deployed stacks there; a later run previews them without deploying again
 *   --state-size N           resources of the state backends' up and preview (default 500; 0: none)
 *   --state-large-size N     resources of the large up per backend (default 10000: 5,000 channels and keys; 0: none)
 *   --state-backends a,b     of file,s3,postgres (default all three)
 * </pre>
 */
public final class BenchMain {

    private static final Set<String> SECTIONS = Set.of("startup", "refresh", "apply", "engine", "state");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        List<String> only = List.of(options.getOrDefault("only", "startup,refresh,apply,engine,state").split(","));
        only.stream().filter(s -> !SECTIONS.contains(s)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("--only " + s + ": not a section; use " + SECTIONS);
        });
        Path repository = Path.of("").toAbsolutePath();
        Path tarball = PackagedPlugin.tarball(repository, options.get("plugin-tarball"));
        Path plugin = PackagedPlugin.unpack(tarball);

        var report = new Report(System.out);
        Instant started = Instant.now();
        System.out.println("ivs-bench " + started + ": " + Machine.describe());
        System.out.println("plugin: " + tarball + ", installed in " + plugin);
        String pluginJvm = options.getOrDefault("plugin-jvm", "bundled");
        if (!List.of("bundled", "system").contains(pluginJvm)) {
            throw new IllegalArgumentException("--plugin-jvm " + pluginJvm + ": use bundled or system");
        }
        Path systemJvm = null;
        // The baseline of the refresh and apply sections, and the set-up deploys of the engine and state sections, run
        // the plugin's jar, which the system JVM's copy has.
        if (only.contains("startup") || pluginJvm.equals("system") || only.contains("refresh") || only.contains("apply")
                || only.contains("engine") || only.contains("state")) {
            systemJvm = SystemJvmPlugin.install(repository.resolve("provider").resolve("target"), plugin);
            System.out.println("system JVM: the same plugin on this JVM (" + System.getProperty("java.home")
                    + ") with its trained class-data sharing archive, installed in " + systemJvm);
        }
        if (only.contains("startup")) {
            new StartupBenchmark(tarball, plugin, systemJvm, runs).run(report);
        }
        if (pluginJvm.equals("system")) {
            System.out.println("the sections below run the plugin on the system JVM");
            plugin = systemJvm;
        }
        if (only.contains("refresh")) {
            new RefreshBenchmark(plugin, runs, integer(options, "refresh-channels", 500),
                    integer(options, "refresh-baseline-channels", 50), integer(options, "refresh-parallel", 1000)).run(report);
        }
        if (only.contains("apply")) {
            new ApplyBenchmark(plugin, runs, integer(options, "apply-channels", 100),
                    integer(options, "apply-parallel", 10)).run(report);
        }
        if (only.contains("engine")) {
            var sizes = Arrays.stream(options.getOrDefault("engine-sizes", "100,500,2000").split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
            Path work = options.containsKey("engine-workdir") ? Path.of(options.get("engine-workdir"))
                    : java.nio.file.Files.createTempDirectory("ivs-bench-engine");
            new EngineBenchmark(repository, plugin, runs, sizes, work).run(report);
        }
        if (only.contains("state")) {
            Path work = java.nio.file.Files.createTempDirectory("ivs-bench-state");
            new StateBackendBenchmark(new EngineBenchmark(repository, plugin, runs, List.of(), work), repository, work,
                    runs, integer(options, "state-size", 500), integer(options, "state-large-size", 10000),
                    List.of(options.getOrDefault("state-backends", "file,s3,postgres").split(","))).run(report);
        }
        System.out.println();
        System.out.println("done in " + Duration.between(started, Instant.now()).toSeconds() + " s; load average now "
                + Machine.loadAverage());
        System.exit(0);
    }

    private static Map<String, String> parse(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + String.join(" ", args)
                        + "; see the options in docs/performance.md");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
    }
}
