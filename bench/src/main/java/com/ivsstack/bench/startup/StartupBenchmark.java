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
 * Cold starts of the packaged plugin: exec to the port line, and exec to the answer of the first Check after
 * Configure (what the engine waits for before the first resource moves), beside a hello-world JVM with the launcher's
 * own JVM options. One unmeasured start first, so the OS file cache is warm for every measured one.
 */
public final class StartupBenchmark {

    private final Path pluginDirectory;
    private final int runs;

    public StartupBenchmark(Path pluginDirectory, int runs) {
        this.pluginDirectory = pluginDirectory;
        this.runs = runs;
    }

    public void run(Report report) throws Exception {
        report.section("Startup of the packaged plugin (" + runs + " cold starts, one unmeasured warm-up)");
        var toPort = new ArrayList<Double>();
        var toConfigure = new ArrayList<Double>();
        var toCheck = new ArrayList<Double>();
        var floor = new ArrayList<Double>();
        var cpuToCheck = new ArrayList<Double>();
        try (IvsEmulator emulator = IvsEmulator.builder().quotasEnabled(true).build().start()) {
            for (int i = 0; i <= runs; i++) {
                double hello = helloWorldMillis();
                long started = System.nanoTime();
                try (PluginProcess plugin = PluginProcess.start(pluginDirectory, CallStrategy.OURS)) {
                    var session = new ProviderSession(plugin);
                    session.configure(emulator.endpoint());
                    long configured = System.nanoTime();
                    var checked = session.check(ProviderSession.CHANNEL, "startup", Map.of("name", "startup"));
                    long answered = System.nanoTime();
                    var cpu = com.ivsstack.bench.Machine.cpuMillis(plugin.pid());
                    if (checked.getFailuresCount() > 0) {
                        throw new IllegalStateException("Check failed: " + checked.getFailuresList());
                    }
                    if (i > 0) {
                        floor.add(hello);
                        toPort.add(plugin.nanosToPort() / 1e6);
                        toConfigure.add((configured - started) / 1e6);
                        toCheck.add((answered - started) / 1e6);
                        cpu.ifPresent(cpuToCheck::add);
                    }
                }
            }
        }
        var port = Figures.of("ms", toPort);
        var check = Figures.of("ms", toCheck);
        report.figure("hello-world java (launcher's JVM options), exec -> output", Figures.of("ms", floor));
        report.figure("plugin exec -> port on stdout", port);
        report.figure("plugin exec -> Configure answered", Figures.of("ms", toConfigure));
        report.figure("plugin exec -> first Check answered (after Configure)", check);
        if (!cpuToCheck.isEmpty()) {
            // CPU the plugin used up to that answer, all threads: what a busy machine stretches into the wall times.
            report.figure("  ... plugin CPU time (user + sys) until then", Figures.of("ms", cpuToCheck));
        }
        report.target("startup: exec -> port", port.median(), "<=", 250, "ms");
        report.target("startup: exec -> first Check after Configure", check.median(), "<=", 500, "ms");
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
