package com.ivsstack.bench.refresh;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.ivsstack.bench.Figures;
import com.ivsstack.bench.LocalEndpoint;
import com.ivsstack.bench.Report;
import com.ivsstack.bench.plugin.CallStrategy;
import com.ivsstack.bench.plugin.PluginProcess;
import com.ivsstack.bench.plugin.ProviderSession;
import com.ivsstack.bench.plugin.Wire;
import pulumirpc.Provider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * A refresh through the plugin: one Read per channel and per stream key, at most {@code parallel} in flight (the
 * Pulumi CLI's default is unbounded), sent asynchronously as the engine sends them, against the local endpoint with its quotas on. Counts the API calls at the endpoint.
 */
public final class RefreshBenchmark {

    private final Path pluginDirectory;
    private final int runs;
    private final int channels;
    private final int baselineChannels;
    private final int parallel;

    public RefreshBenchmark(Path pluginDirectory, int runs, int channels, int baselineChannels, int parallel) {
        this.pluginDirectory = pluginDirectory;
        this.runs = runs;
        this.channels = channels;
        this.baselineChannels = baselineChannels;
        this.parallel = parallel;
    }

    /** One refresh: wall time, API calls, throttled calls, failed Reads. */
    record Outcome(double seconds, long calls, long throttled, long failedReads, Map<String, Long> callsByOperation,
                   double pluginCpuMillis) {
    }

    public void run(Report report) throws Exception {
        report.section("Refresh: " + channels + " channels + their " + channels + " stream keys read through the plugin, "
                + parallel + " concurrent Reads, quotas on (" + runs + " runs each)");
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            var seeded = endpoint.seedChannels("refresh", channels);
            var ours = measure(endpoint, seeded, CallStrategy.OURS);
            var baseline = measure(endpoint, seeded.subList(0, Math.min(baselineChannels, seeded.size())), CallStrategy.BASELINE);
            double scale = (double) channels / Math.min(baselineChannels, channels);

            var oursSeconds = Figures.of("s", ours.stream().map(Outcome::seconds).toList());
            var oursCalls = Figures.of("calls", ours.stream().map(Outcome::calls).toList());
            report.figure(CallStrategy.OURS.label() + ": wall time", oursSeconds);
            report.figure(CallStrategy.OURS.label() + ": API calls", oursCalls);
            report.figure("  ... throttled (429) calls", Figures.of("calls", ours.stream().map(Outcome::throttled).toList()));
            report.figure("  ... failed Reads", Figures.of("reads", ours.stream().map(Outcome::failedReads).toList()));
            // CPU the plugin used for the refresh, all threads: what a busy machine stretches into the wall time.
            report.figure("  ... plugin CPU time (user + sys)", Figures.of("ms", ours.stream().map(Outcome::pluginCpuMillis).toList()));
            report.note("  calls by operation (last run): " + ours.get(ours.size() - 1).callsByOperation());

            String base = "baseline, " + Math.min(baselineChannels, channels) + " channels + keys";
            var baseSeconds = Figures.of("s", baseline.stream().map(Outcome::seconds).toList());
            var baseCalls = Figures.of("calls", baseline.stream().map(Outcome::calls).toList());
            report.figure(base + ": wall time", baseSeconds);
            report.figure(base + ": API calls", baseCalls);
            report.figure("  ... throttled (429) calls", Figures.of("calls", baseline.stream().map(Outcome::throttled).toList()));
            report.figure("  ... failed Reads", Figures.of("reads", baseline.stream().map(Outcome::failedReads).toList()));
            report.note("  calls by operation (last run): " + baseline.get(baseline.size() - 1).callsByOperation());
            report.note(String.format("baseline extrapolated linearly to %d channels (x%.0f; its calls are one per Read, "
                            + "its time bound by 5 TPS per operation): ~%s s, ~%s calls; ours is %sx faster with %sx fewer calls",
                    channels, scale, Figures.format(baseSeconds.median() * scale), Figures.format(baseCalls.median() * scale),
                    Figures.format(baseSeconds.median() * scale / oursSeconds.median()),
                    Figures.format(baseCalls.median() * scale / oursCalls.median())));
            report.target("refresh: API calls", oursCalls.median(), "<=", 25, "calls");
            report.target("refresh: wall time", oursSeconds.median(), "<=", 4, "s");
        }
    }

    private static <T> ListenableFuture<T> released(Semaphore inFlight, ListenableFuture<T> answer) {
        answer.addListener(inFlight::release, MoreExecutors.directExecutor());
        return answer;
    }

    private List<Outcome> measure(LocalEndpoint endpoint, List<LocalEndpoint.SeededChannel> seeded, CallStrategy strategy)
            throws Exception {
        var outcomes = new ArrayList<Outcome>();
        for (int run = 0; run < runs; run++) {
            try (PluginProcess plugin = PluginProcess.start(pluginDirectory, strategy)) {
                var session = new ProviderSession(plugin);
                session.configure(endpoint.emulator().endpoint());
                Thread.sleep(1100); // a fresh quota window: no run inherits the previous run's calls
                endpoint.resetCounters();
                double cpuBefore = com.ivsstack.bench.Machine.cpuMillis(plugin.pid()).orElse(Double.NaN);
                var inFlight = new Semaphore(parallel);
                var answers = new ArrayList<ListenableFuture<Provider.ReadResponse>>();
                long started = System.nanoTime();
                for (int i = 0; i < seeded.size(); i++) {
                    var channel = seeded.get(i);
                    String name = "refresh-" + i;
                    inFlight.acquire();
                    answers.add(released(inFlight, session.readAsync(ProviderSession.CHANNEL,
                            ProviderSession.urn(ProviderSession.CHANNEL, name), channel.channelArn(),
                            Wire.struct(Map.of("arn", channel.channelArn(), "name", name, "streamKeyArn", channel.streamKeyArn())),
                            Wire.struct(Map.of("name", name)))));
                    inFlight.acquire();
                    answers.add(released(inFlight, session.readAsync(ProviderSession.STREAM_KEY,
                            ProviderSession.urn(ProviderSession.STREAM_KEY, name + "-key"), channel.streamKeyArn(),
                            Wire.struct(Map.of("arn", channel.streamKeyArn(), "channelArn", channel.channelArn())),
                            Wire.struct(Map.of("channelArn", channel.channelArn())))));
                }
                long failed = 0;
                for (var answer : answers) {
                    try {
                        if (answer.get().getId().isEmpty()) {
                            failed++;
                        }
                    } catch (ExecutionException e) {
                        failed++;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = com.ivsstack.bench.Machine.cpuMillis(plugin.pid()).orElse(Double.NaN) - cpuBefore;
                var calls = endpoint.requests();
                outcomes.add(new Outcome(seconds, LocalEndpoint.total(calls), LocalEndpoint.total(endpoint.throttled()),
                        failed, calls, cpu));
            }
        }
        return outcomes;
    }
}
