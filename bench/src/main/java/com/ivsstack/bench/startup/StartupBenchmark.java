package com.ivsstack.bench.startup;

import com.ivsstack.bench.Figures;
import com.ivsstack.bench.Report;
import com.ivsstack.bench.plugin.CallStrategy;
import com.ivsstack.bench.plugin.PluginProcess;
import com.ivsstack.bench.plugin.ProviderSession;
import com.ivsstack.emulator.IvsEmulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plugin tarball's size, and cold starts of the packaged plugin on its bundled runtime beside the same plugin on
 * the system JVM (see {@link com.ivsstack.bench.plugin.SystemJvmPlugin}), alternated start by start so that both see
 * the same machine: exec to the port line, and exec to the answer of the first Check after Configure (what the engine
 * waits for before the first resource moves); and a hello-world JVM with the launcher's own JVM options. One
 * unmeasured start of each first, so the OS file cache is warm for every measured one.
 */
public final class StartupBenchmark {

    private final Path tarball;
    private final Path bundled;
    private final Path systemJvm;
    private final int runs;

    public StartupBenchmark(Path tarball, Path bundled, Path systemJvm, int runs) {
        this.tarball = tarball;
        this.bundled = bundled;
        this.systemJvm = systemJvm;
        this.runs = runs;
    }

    /** The figures of one way to start the plugin. */
    private static final class Starts {
        final List<Double> toPort = new ArrayList<>();
        final List<Double> toConfigure = new ArrayList<>();
        final List<Double> toCheck = new ArrayList<>();
        final List<Double> cpuToCheck = new ArrayList<>();
    }

    public void run(Report report) throws Exception {
        report.section("Startup of the packaged plugin (" + runs + " cold starts each, bundled runtime and system JVM"
                + " alternated, one unmeasured warm-up each)");
        double megabytes = java.nio.file.Files.size(tarball) / 1e6;
        report.note(String.format("tarball %s: %.1f MB", tarball.getFileName(), megabytes));
        var bundledStarts = new Starts();
        var systemStarts = new Starts();
        var floor = new ArrayList<Double>();
        try (IvsEmulator emulator = IvsEmulator.builder().quotasEnabled(true).build().start()) {
            for (int i = 0; i <= runs; i++) {
                double hello = helloWorldMillis();
                boolean measured = i > 0;
                start(bundled, emulator, measured ? bundledStarts : null);
                start(systemJvm, emulator, measured ? systemStarts : null);
                if (measured) {
                    floor.add(hello);
                }
            }
        }
        report.figure("hello-world java (launcher's JVM options), exec -> output", Figures.of("ms", floor));
        print(report, "bundled runtime", bundledStarts);
        print(report, "system JVM", systemStarts);
        var port = Figures.of("ms", bundledStarts.toPort);
        var check = Figures.of("ms", bundledStarts.toCheck);
        report.target("tarball size", megabytes, "<=", 45, "MB");
        report.target("startup: exec -> port (bundled runtime)", port.median(), "<=", 250, "ms");
        report.target("startup: exec -> first Check after Configure (bundled runtime)", check.median(), "<=", 500, "ms");
    }

    /** One cold start of the plugin installed in {@code directory}; its figures go to {@code into} unless null. */
    private static void start(Path directory, IvsEmulator emulator, Starts into) throws Exception {
        long started = System.nanoTime();
        try (PluginProcess plugin = PluginProcess.start(directory, CallStrategy.OURS)) {
            var session = new ProviderSession(plugin);
            session.configure(emulator.endpoint());
            long configured = System.nanoTime();
            var checked = session.check(ProviderSession.CHANNEL, "startup", Map.of("name", "startup"));
            long answered = System.nanoTime();
            var cpu = com.ivsstack.bench.Machine.cpuMillis(plugin.pid());
            if (checked.getFailuresCount() > 0) {
                throw new IllegalStateException("Check failed: " + checked.getFailuresList());
            }
            if (into != null) {
                into.toPort.add(plugin.nanosToPort() / 1e6);
                into.toConfigure.add((configured - started) / 1e6);
                into.toCheck.add((answered - started) / 1e6);
                cpu.ifPresent(into.cpuToCheck::add);
            }
        }
    }

    private static void print(Report report, String how, Starts starts) {
        report.figure(how + ": exec -> port on stdout", Figures.of("ms", starts.toPort));
        report.figure(how + ": exec -> Configure answered", Figures.of("ms", starts.toConfigure));
        report.figure(how + ": exec -> first Check answered", Figures.of("ms", starts.toCheck));
        if (!starts.cpuToCheck.isEmpty()) {
            // CPU the plugin used up to that answer, all threads: what a busy machine stretches into the wall times.
            report.figure("  ... plugin CPU time (user + sys) until then", Figures.of("ms", starts.cpuToCheck));
        }
    }

    /** Exec to the first output line of a hello world with the plugin launcher's default JVM options. */
    private static double helloWorldMillis() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = uncheckedPath(Hello.class.getProtectionDomain().getCodeSource().getLocation()).toString();
        var command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", classpath,
                Hello.class.getName());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        int first = process.getInputStream().read();
        long nanos = System.nanoTime() - started;
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0 || first == -1) {
            throw new IllegalStateException("the hello-world JVM failed: " + String.join(" ", command));
        }
        return nanos / 1e6;
    }

    private static Path uncheckedPath(java.net.URL url) {
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
