package com.ivsstack.bench.apply;

import com.ivsstack.bench.Figures;
import com.ivsstack.bench.LocalEndpoint;
import com.ivsstack.bench.Report;
import com.ivsstack.bench.plugin.CallStrategy;
import com.ivsstack.bench.plugin.PluginProcess;
import com.ivsstack.bench.plugin.ProviderSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An apply through the plugin: {@code channels} channels, each with its stream key (Create after the channel, as the
 * dependency orders it), then every key and channel deleted (key first), {@code parallel} operations at a time as the
 * engine runs them, against the local endpoint with its quotas on. The quotas set the bound: 5 CreateChannel and 5
 * DeleteChannel per second, so creating and deleting N channels cannot take less than 2 x N / 5 seconds.
 */
public final class ApplyBenchmark {

    private static final int CHANNEL_TPS = 5;

    private final Path pluginDirectory;
    private final int runs;
    private final int channels;
    private final int parallel;

    public ApplyBenchmark(Path pluginDirectory, int runs, int channels, int parallel) {
        this.pluginDirectory = pluginDirectory;
        this.runs = runs;
        this.channels = channels;
        this.parallel = parallel;
    }

    /** One apply: phase times, failed operations, throttled calls, the plugin's peak RSS. */
    record Outcome(double createSeconds, double deleteSeconds, long failedOperations, long throttled, long calls,
                   long peakRssMegabytes, Map<String, Long> callsByOperation, String firstFailure) {
        double totalSeconds() {
            return createSeconds + deleteSeconds;
        }
    }

    public void run(Report report) throws Exception {
        double bound = 2.0 * channels / CHANNEL_TPS;
        report.section("Apply: create " + channels + " channels with stream keys, then delete them, through the plugin, "
                + parallel + " operations at a time, quotas on (" + runs + " runs each)");
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            var ours = measure(endpoint, CallStrategy.OURS);
            var baseline = measure(endpoint, CallStrategy.BASELINE);
            for (var entry : List.of(Map.entry(CallStrategy.OURS, ours), Map.entry(CallStrategy.BASELINE, baseline))) {
                String label = entry.getKey().label();
                var outcomes = entry.getValue();
                report.figure(label + ": total", Figures.of("s", outcomes.stream().map(Outcome::totalSeconds).toList()));
                report.figure("  ... create phase", Figures.of("s", outcomes.stream().map(Outcome::createSeconds).toList()));
                report.figure("  ... delete phase", Figures.of("s", outcomes.stream().map(Outcome::deleteSeconds).toList()));
                report.figure("  ... failed operations (errors reaching the user)",
                        Figures.of("ops", outcomes.stream().map(Outcome::failedOperations).toList()));
                report.figure("  ... throttled (429) calls, i.e. throttling retries",
                        Figures.of("calls", outcomes.stream().map(Outcome::throttled).toList()));
                report.figure("  ... API calls", Figures.of("calls", outcomes.stream().map(Outcome::calls).toList()));
                report.figure("  ... plugin peak RSS (VmHWM)", Figures.of("MB", outcomes.stream().map(Outcome::peakRssMegabytes).toList()));
                var last = outcomes.get(outcomes.size() - 1);
                report.note("  calls by operation (last run): " + last.callsByOperation());
                outcomes.stream().map(Outcome::firstFailure).filter(f -> f != null).findFirst()
                        .ifPresent(f -> report.note("  first failure: " + f));
            }
            var oursTotal = Figures.of("s", ours.stream().map(Outcome::totalSeconds).toList());
            report.note(String.format("bound set by the quotas: 2 x %d channels / %d TPS = %s s; ours = %sx the bound",
                    channels, CHANNEL_TPS, Figures.format(bound), Figures.format(oursTotal.median() / bound)));
            report.target("apply: total time", oursTotal.median(), "<=", 1.15 * bound, "s");
            report.target("apply: failed operations (ours, worst run)",
                    ours.stream().mapToLong(Outcome::failedOperations).max().orElse(0), "<=", 0, "ops");
            report.target("memory: plugin peak RSS during apply (worst run)",
                    ours.stream().mapToLong(Outcome::peakRssMegabytes).max().orElse(0), "<=", 256, "MB");
        }
    }

    private List<Outcome> measure(LocalEndpoint endpoint, CallStrategy strategy) throws Exception {
        var outcomes = new ArrayList<Outcome>();
        for (int run = 0; run < runs; run++) {
            endpoint.emulator().admin().reset();
            try (PluginProcess plugin = PluginProcess.start(pluginDirectory, strategy)) {
                var session = new ProviderSession(plugin);
                session.configure(endpoint.emulator().endpoint());
                Thread.sleep(1100); // a fresh quota window
                endpoint.resetCounters();
                var failures = new AtomicLong();
                var firstFailure = new java.util.concurrent.atomic.AtomicReference<String>();
                ExecutorService pool = Executors.newFixedThreadPool(parallel);
                try {
                    long started = System.nanoTime();
                    var creates = new ArrayList<Future<List<ProviderSession.Created>>>();
                    for (int i = 0; i < channels; i++) {
                        String name = "apply-" + i;
                        creates.add(pool.submit(() -> createPair(session, name, failures, firstFailure)));
                    }
                    var created = new ArrayList<List<ProviderSession.Created>>();
                    for (var future : creates) {
                        created.add(future.get());
                    }
                    long createdAt = System.nanoTime();
                    var deletes = new ArrayList<Future<?>>();
                    for (var pair : created) {
                        deletes.add(pool.submit(() -> deletePair(session, pair, failures, firstFailure)));
                    }
                    for (var future : deletes) {
                        future.get();
                    }
                    long deletedAt = System.nanoTime();
                    var calls = endpoint.requests();
                    outcomes.add(new Outcome((createdAt - started) / 1e9, (deletedAt - createdAt) / 1e9, failures.get(),
                            LocalEndpoint.total(endpoint.throttled()), LocalEndpoint.total(calls),
                            plugin.samplePeakRssMegabytes(), calls, firstFailure.get()));
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        return outcomes;
    }

    /** The channel, then its stream key; what was created, in creation order. */
    private static List<ProviderSession.Created> createPair(ProviderSession session, String name, AtomicLong failures,
                                                            java.util.concurrent.atomic.AtomicReference<String> firstFailure) {
        var created = new ArrayList<ProviderSession.Created>();
        try {
            var channel = session.create(ProviderSession.CHANNEL, name, Map.of("name", name));
            created.add(channel);
            created.add(session.create(ProviderSession.STREAM_KEY, name + "-key", Map.of("channelArn", channel.id())));
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, e.getMessage());
        }
        return created;
    }

    /** The stream key first, then its channel (reverse dependency order). */
    private static Void deletePair(ProviderSession session, List<ProviderSession.Created> pair, AtomicLong failures,
                                   java.util.concurrent.atomic.AtomicReference<String> firstFailure) {
        for (int i = pair.size() - 1; i >= 0; i--) {
            try {
                session.delete(pair.get(i));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.getMessage());
                return null;
            }
        }
        return null;
    }
}
