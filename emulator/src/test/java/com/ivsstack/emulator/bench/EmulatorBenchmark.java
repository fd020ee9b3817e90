package com.ivsstack.emulator.bench;

import com.ivsstack.emulator.IvsEmulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * Requests per second the emulator answers on loopback through the real IvsClient, for GetChannel and
 * CreateChannel: several timed runs per case after a warm-up, median printed. A program, not a test.
 *
 * <pre>
 * ./mvnw -B -o -q -pl emulator test-compile exec:java@bench [-Dexec.args="--seconds 3 --runs 5 --threads 1,8"]
 * </pre>
 */
public final class EmulatorBenchmark {
    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intOption(args, "--seconds", 2);
        int runs = intOption(args, "--runs", 5);
        List<Integer> threadCounts = new ArrayList<>();
        for (String n : option(args, "--threads", "1,8").split(",")) {
            threadCounts.add(Integer.parseInt(n.trim()));
        }
        try (IvsEmulator emulator = IvsEmulator.builder().build().start()) {
            int maxThreads = Collections.max(threadCounts);
            List<IvsClient> clients = new ArrayList<>();
            for (int i = 0; i < maxThreads; i++) {
                clients.add(client(emulator));
            }
            System.out.printf("IVS emulator benchmark: %d runs of %d s per case, median requests/second, %d cores%n",
                    runs, seconds, Runtime.getRuntime().availableProcessors());
            for (int threads : threadCounts) {
                String channel = clients.get(0).createChannel(b -> b.name("bench")).channel().arn();
                report("GetChannel", threads, seconds, runs, clients, emulator,
                        c -> c.getChannel(b -> b.arn(channel)));
                report("CreateChannel", threads, seconds, runs, clients, emulator, c -> c.createChannel(b -> { }));
            }
            clients.forEach(IvsClient::close);
        }
    }

    private interface Call {
        void run(IvsClient client);
    }

    private static void report(String name, int threads, int seconds, int runs, List<IvsClient> clients,
                               IvsEmulator emulator, Call call) throws Exception {
        measure(threads, 1, clients, call); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            rates.add(measure(threads, seconds, clients, call));
        }
        Collections.sort(rates);
        System.out.printf("%-14s threads=%-3d median %8.0f req/s   (min %.0f, max %.0f)%n", name, threads,
                rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1));
        emulator.admin().reset();
    }

    private static double measure(int threads, int seconds, List<IvsClient> clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            IvsClient client = clients.get(t);
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    call.run(client);
                    done.incrementAndGet();
                }
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static IvsClient client(IvsEmulator emulator) {
        return IvsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, Integer.toString(fallback)));
    }
}
