package com.ivsstack.bench.engine;

import com.ivsstack.bench.Figures;
import com.ivsstack.bench.LocalEndpoint;
import com.ivsstack.bench.Report;
import com.ivsstack.bench.plugin.CallStrategy;
import com.ivsstack.engine.timing.RunTimings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ivsstack preview} with no changes of a deployed program of 100, 500 and 2,000 resources: the repository's
 * {@code ivsstack} command as a user runs it (its JVM options and class-data sharing archive; the program is another
 * JVM it starts), against the local endpoint with its quotas on. The stacks are deployed first through the plugin
 * with the baseline's unpaced calls and the quotas off: set-up, not measured (with {@code --engine-workdir}, once: a
 * later run previews the stacks it finds there). The phases within each preview come from the CLI's own
 * {@code IVSSTACK_TIMINGS} lines.
 */
public final class EngineBenchmark {

    private final Path repository;
    private final Path pluginDirectory;
    private final int runs;
    private final List<Integer> sizes;
    private final Path workDirectory;

    /**
     * @param workDirectory where the deployed stacks (project, state, the endpoint's data file) live; a stack found
     *                      there deployed by an earlier run is previewed again without deploying it anew
     */
    public EngineBenchmark(Path repository, Path pluginDirectory, int runs, List<Integer> sizes, Path workDirectory) {
        this.repository = repository;
        this.pluginDirectory = pluginDirectory;
        this.runs = runs;
        this.sizes = sizes;
        this.workDirectory = workDirectory;
    }

    /**
     * One run of the CLI: its wall time, its peak RSS, when each phase ended (in seconds from the exec), and its
     * checkpoint writes ({@code writes, bytes, bytes of the last, milliseconds}; empty when it wrote none).
     */
    record Preview(double seconds, long peakRssMegabytes, Map<String, Double> phases, long[] stateWrites) {
        double at(String phase) {
            return phases.getOrDefault(phase, Double.NaN);
        }

        double between(String from, String to) {
            return at(to) - at(from);
        }
    }

    /** The breakdown printed under each size: a name and the phase span it measures. */
    private static final List<String[]> BREAKDOWN = List.of(
            new String[] {"  ... CLI JVM start until its main method", null, "cli-main"},
            new String[] {"  ... until the program starts (options, project, monitor)", null, "program-started"},
            new String[] {"  ... until the state is loaded (passphrase key, checkpoint)", null, "state-loaded"},
            new String[] {"  ... program JVM + Pulumi SDK start until its first call", "program-started", "monitor-first-call"},
            new String[] {"  ... first call until the first registration", "monitor-first-call", "first-registration"},
            new String[] {"  ... registrations, first to last answered", "first-registration", "registration-answered"},
            new String[] {"  ... the program's serial debug log after that", "registration-answered", "log-answered"},
            new String[] {"  ... last log message until the program exited", "log-answered", "program-exited"},
            new String[] {"  ... program exit until the CLI exited", "program-exited", "cli-exit"});

    public void run(Report report) throws Exception {
        report.section("Engine: ivsstack preview with no changes (" + runs + " runs per size; CLI + program JVMs)");
        var medians = new LinkedHashMap<Integer, Double>();
        var memory = new LinkedHashMap<Integer, Long>();
        for (int size : sizes) {
            Path project = workDirectory.resolve("stack-" + size);
            Path portFile = project.resolve("endpoint-port");
            boolean deployed = Files.exists(project.resolve("deployed"));
            int port = deployed ? Integer.parseInt(Files.readString(portFile).strip()) : 0;
            // A preview with no changes makes no API call (Configure builds no client, Check and Diff need none), so
            // a stack deployed by an earlier run is previewed against an endpoint on the same port, as configured.
            try (LocalEndpoint endpoint = new LocalEndpoint(port)) {
                if (!deployed) {
                    var up = deploy(endpoint, project, size);
                    report.note(String.format("(%d resources: deployed with up in %s s, engine peak RSS %d MB; "
                                    + "set-up, once, quotas off, --parallel 32)", size, Figures.format(up.seconds()),
                            up.peakRssMegabytes()));
                    Files.writeString(portFile, Integer.toString(endpoint.emulator().port()));
                    Files.writeString(project.resolve("deployed"), "");
                } else {
                    report.note("(" + size + " resources: reusing the stack deployed in " + project + ")");
                }
                if (size == sizes.get(0)) {
                    // The first preview after a build makes the CLI's class-data sharing archive (at its exit).
                    cli(project, size, Map.of(), "preview", "--expect-no-changes");
                    report.note("(one unmeasured preview first: the ivsstack launcher's class-data sharing archive)");
                }
                var previews = new ArrayList<Preview>();
                for (int run = 0; run < runs; run++) {
                    previews.add(cli(project, size, Map.of(), "preview", "--expect-no-changes"));
                }
                var seconds = Figures.of("s", previews.stream().map(Preview::seconds).toList());
                var rss = Figures.of("MB", previews.stream().map(Preview::peakRssMegabytes).toList());
                report.figure(size + " resources: preview", seconds);
                for (String[] span : BREAKDOWN) {
                    report.figure(span[0], Figures.of("s", previews.stream()
                            .map(p -> span[1] == null ? p.at(span[2]) : p.between(span[1], span[2])).toList()));
                }
                report.figure(size + " resources: engine peak RSS (VmHWM)", rss);
                report.note(String.format("  %.2f ms per resource", seconds.median() * 1000 / size));
                medians.put(size, seconds.median());
                memory.put(size, (long) rss.max());
            }
        }
        if (medians.containsKey(500)) {
            report.target("engine: preview of 500 resources, no changes", medians.get(500), "<=", 6, "s");
        }
        var ordered = new ArrayList<>(medians.keySet());
        for (int i = 1; i < ordered.size(); i++) {
            int small = ordered.get(i - 1);
            int large = ordered.get(i);
            report.note(String.format("growth %d -> %d resources (x%.1f): preview time x%.2f; per added resource %.2f ms",
                    small, large, (double) large / small, medians.get(large) / medians.get(small),
                    (medians.get(large) - medians.get(small)) * 1000 / (large - small)));
        }
        int largest = ordered.get(ordered.size() - 1);
        report.target("memory: engine peak RSS for " + largest + " resources (worst run)", memory.get(largest), "<=", 512, "MB");
    }

    /** A project of {@code size} resources, deployed with {@code up}; how long the {@code up} took. */
    private Preview deploy(LocalEndpoint endpoint, Path project, int size) throws IOException, InterruptedException {
        return deploy(endpoint, project, size, Map.of());
    }

    /** The same, with more environment for the CLI (its state backend). */
    Preview deploy(LocalEndpoint endpoint, Path project, int size, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        endpoint.emulator().admin().reset();
        Files.createDirectories(project);
        Files.writeString(project.resolve("Pulumi.yaml"), "name: ivs-bench\nruntime: java\n"
                + "description: " + size + " IVS resources for the engine benchmark\n");
        Files.writeString(project.resolve("Pulumi.bench.yaml"), "config:\n"
                + "  ivs:endpoint: " + endpoint.emulator().endpoint() + "\n"
                + "  ivs:region: us-west-2\n");
        endpoint.emulator().admin().setQuotasEnabled(false);
        try {
            // the set-up deploys unpaced (the endpoint's quotas are off for it): the baseline's plain client
            return cli(project, size, extraEnvironment, "up", "--yes", "--skip-preview", "--parallel", "32",
                    "--plugin", CallStrategy.BASELINE.launcher(pluginDirectory).toString());
        } finally {
            endpoint.emulator().admin().setQuotasEnabled(true);
        }
    }

    Preview cli(Path project, int size, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        var line = new ArrayList<>(List.of(repository.resolve("ivsstack").toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("--stack", "bench", "--cwd", project.toString(), "--color", "never",
                "--program-classpath", programClasspath(), "--main-class", ManyResourcesProgram.class.getName()));
        var builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put(ManyResourcesProgram.RESOURCES_VARIABLE, Integer.toString(size));
        builder.environment().put("PULUMI_CONFIG_PASSPHRASE", "ivs-bench");
        builder.environment().put(RunTimings.VARIABLE, "1");
        builder.environment().putAll(environment);
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("ivsstack " + String.join(" ", command) + " of " + size
                    + " resources exited " + code + ":\n" + tail(output));
        }
        var phases = new LinkedHashMap<String, Double>();
        long rss = -1;
        long[] writes = new long[4];
        for (String l : output.lines().filter(l -> l.startsWith(RunTimings.PREFIX)).toList()) {
            String[] fields = l.substring(RunTimings.PREFIX.length()).split(" ");
            if (fields[0].equals("peak-rss-mb")) {
                rss = Long.parseLong(fields[1]);
            } else if (fields[0].equals("state-writes")) {
                for (int i = 0; i < 4; i++) {
                    writes[i] += Long.parseLong(fields[i + 1]);
                }
            } else {
                phases.put(fields[0], (Long.parseLong(fields[1]) - started) / 1e3);
            }
        }
        return new Preview(seconds, rss, phases, writes);
    }

    /**
     * The program's own classes and target/program-lib (the SDK, the Pulumi Java SDK): what a user's program runs
     * with. Not the benchmark's whole classpath: the Pulumi SDK scans its classpath at start.
     */
    private static String programClasspath() {
        try {
            Path target = Path.of(ManyResourcesProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().getParent();
            return target.resolve("classes") + java.io.File.pathSeparator + target.resolve("program-lib") + "/*";
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
