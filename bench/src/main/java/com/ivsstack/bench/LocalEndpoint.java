package com.ivsstack.bench;

import com.ivsstack.emulator.IvsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The local IVS endpoint with its quotas on, and what the benchmarks read from its request counters. */
public final class LocalEndpoint implements AutoCloseable {

    private final IvsEmulator emulator;

    public LocalEndpoint() {
        this.emulator = IvsEmulator.builder().quotasEnabled(true).build().start();
    }

    /** An endpoint on {@code port} (0: any free one), so a stack deployed against it keeps its configuration. */
    public LocalEndpoint(int port) {
        this.emulator = IvsEmulator.builder().quotasEnabled(true).port(port).build().start();
    }

    public IvsEmulator emulator() {
        return emulator;
    }

    /** A channel and the stream key CreateChannel made with it. */
    public record SeededChannel(String channelArn, String streamKeyArn) {
    }

    /** Creates channels directly (quotas off meanwhile: this is set-up, not the measured path). */
    public List<SeededChannel> seedChannels(String prefix, int count) throws Exception {
        emulator.admin().setQuotasEnabled(false);
        try (IvsClient ivs = IvsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                var futures = new ArrayList<Future<SeededChannel>>();
                for (int i = 0; i < count; i++) {
                    String name = prefix + "-" + i;
                    futures.add(pool.submit(() -> {
                        var created = ivs.createChannel(b -> b.name(name));
                        return new SeededChannel(created.channel().arn(), created.streamKey().arn());
                    }));
                }
                var seeded = new ArrayList<SeededChannel>();
                for (var future : futures) {
                    seeded.add(future.get());
                }
                return seeded;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            emulator.admin().setQuotasEnabled(true);
            emulator.admin().resetRequestCounts();
        }
    }

    /** Every request since the last reset, by operation. */
    public Map<String, Long> requests() {
        return emulator.admin().requestCounts();
    }

    /** Every request the quotas refused (429) since the last reset, by operation. */
    public Map<String, Long> throttled() {
        return emulator.admin().throttledCounts();
    }

    public static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public void resetCounters() {
        emulator.admin().resetRequestCounts();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
