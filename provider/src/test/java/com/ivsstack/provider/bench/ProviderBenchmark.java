package com.ivsstack.provider.bench;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.aws.RateLimiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints how close applying many channels comes to the IVS rate quota, and what a refresh of them costs, against
 * the local endpoint with quotas enforced and 40 ms of latency per call. A program, not a test:
 * {@code java -cp <test classpath> com.ivsstack.provider.bench.ProviderBenchmark [channels]}.
 */
public final class ProviderBenchmark {

    private ProviderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (var emulator = IvsEmulator.builder().quotasEnabled(true).build().start();
             var provider = IvsProvider.builder().rateLimiter(RateLimiter.underIvsQuotas()).log(ProviderLog.NONE).build()) {
            emulator.admin().injectFault(FaultRule.latency(FaultRule.ANY_OPERATION, Duration.ofMillis(40)));
            provider.configure(Map.of("endpoint", emulator.endpoint().toString(), "region", "us-west-2"));
            var channel = provider.resource("ivs:index:Channel").orElseThrow();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(channels, 32));
            try {
                var creates = new ArrayList<Callable<Map<String, Object>>>();
                for (int i = 0; i < channels; i++) {
                    String urn = "urn:pulumi:bench::bench::ivs:index:Channel::c" + i;
                    creates.add(() -> channel.create(new CreateRequest(urn, channel.check(
                            new CheckRequest(urn, Map.of(), Map.of("name", "bench"))).inputs(), null, false)).outputs());
                }
                long start = System.nanoTime();
                List<Map<String, Object>> outputs = new ArrayList<>();
                for (var future : pool.invokeAll(creates)) {
                    outputs.add(future.get());
                }
                double applySeconds = (System.nanoTime() - start) / 1e9;
                long attempts = emulator.admin().requestCount("CreateChannel");
                System.out.printf("apply:   %d channels in %.1f s = %.2f creates/s (quota 5/s); %d attempts, %d throttled%n",
                        channels, applySeconds, channels / applySeconds, attempts, attempts - channels);

                emulator.admin().resetRequestCounts();
                var reads = new ArrayList<Callable<Object>>();
                for (var out : outputs) {
                    reads.add(() -> channel.read(new ReadRequest((String) out.get("arn"), "urn", Map.of(), out)));
                }
                start = System.nanoTime();
                for (var future : pool.invokeAll(reads)) {
                    future.get();
                }
                double refreshSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("refresh: %d channels in %.2f s with %s%n", channels, refreshSeconds,
                        emulator.admin().requestCounts());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
