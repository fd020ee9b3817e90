package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

/** 16 clients at once creating, tagging, reading and deleting: the store stays consistent. */
class ConcurrencyTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final int THREADS = 16;
    private static final int CHANNELS_PER_THREAD = 6;

    @Test
    void sixteenThreads_createTagDelete_invariantsHold(IvsClient ivs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        Set<String> kept = ConcurrentHashMap.newKeySet();
        Set<String> allArns = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < CHANNELS_PER_THREAD; i++) {
                    String arn = ivs.createChannel(b -> b.name("t" + thread)).channel().arn();
                    allArns.add(arn);
                    ivs.tagResource(b -> b.resourceArn(arn).tags(Map.of("thread", "t" + thread)));
                    ivs.getChannel(b -> b.arn(arn));
                    if (i % 2 == 0) {
                        ivs.deleteChannel(b -> b.arn(arn));
                    } else {
                        kept.add(arn);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(allArns).hasSize(THREADS * CHANNELS_PER_THREAD);
        List<ChannelSummary> channels = ivs.listChannelsPaginator(b -> b.maxResults(100)).stream()
                .flatMap(p -> p.channels().stream()).toList();
        assertThat(channels).extracting(ChannelSummary::arn).containsExactlyInAnyOrderElementsOf(kept);
        for (ChannelSummary channel : channels) {
            assertThat(channel.tags()).containsEntry("thread", channel.name());
            List<StreamKeySummary> keys = ivs.listStreamKeys(b -> b.channelArn(channel.arn())).streamKeys();
            assertThat(keys).hasSize(1);
        }
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(THREADS * CHANNELS_PER_THREAD);
        assertThat(IVS.emulator().admin().requestCount("DeleteChannel")).isEqualTo(THREADS * CHANNELS_PER_THREAD / 2);
        String state = IVS.emulator().admin().dumpState();
        assertThat(state.split("\"channelArn\"", -1).length - 1).as("stream keys in the state").isEqualTo(kept.size());
    }
}
