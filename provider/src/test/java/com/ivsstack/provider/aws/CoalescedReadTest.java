package com.ivsstack.provider.aws;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.resource.ChannelResource;
import com.ivsstack.provider.resource.StreamKeyResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent channel reads (a refresh) go out as BatchGetChannel/BatchGetStreamKey calls of up to 50 ARNs. */
class CoalescedReadTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void read_sixtyChannelsConcurrently_usesTwoBatchCallsPerKind(IvsClient ivs) throws Exception {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        var known = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 60; i++) {
            var created = ivs.createChannel(b -> b.name("refresh"));
            known.add(Map.of("arn", created.channel().arn(), "streamKeyArn", created.streamKey().arn()));
        }
        var admin = IVS.emulator().admin();
        admin.resetRequestCounts();
        // Real IVS answers in tens of milliseconds, during which later reads gather into the next batch; the
        // injected latency makes that so on a busy test machine too.
        admin.injectFault(FaultRule.latency("BatchGetChannel", Duration.ofMillis(500)),
                FaultRule.latency("BatchGetStreamKey", Duration.ofMillis(500)));

        var tasks = new ArrayList<Callable<ReadResult>>();
        for (var outputs : known) {
            tasks.add(() -> channel.read(new ReadRequest((String) outputs.get("arn"), "urn", Map.of(), outputs)));
        }
        List<ReadResult> results;
        var pool = Executors.newFixedThreadPool(60);
        try {
            results = new ArrayList<>();
            for (var future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).allMatch(ReadResult::exists);
        assertThat(results.stream().map(ReadResult::id).distinct()).hasSize(60);
        assertThat(admin.requestCount("GetChannel")).isZero();
        assertThat(admin.requestCount("BatchGetChannel")).isBetween(2L, 3L);
        assertThat(admin.requestCount("BatchGetStreamKey")).isBetween(2L, 3L);
        assertThat(admin.requestCount("ListStreamKeys")).isZero();
    }

    @Test
    void read_channelsAndTheirStreamKeysConcurrently_shareTheStreamKeyBatches(IvsClient ivs) throws Exception {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        var streamKey = provider.resource(StreamKeyResource.TOKEN).orElseThrow();
        var tasks = new ArrayList<Callable<ReadResult>>();
        for (int i = 0; i < 40; i++) {
            var created = ivs.createChannel(b -> b.name("refresh"));
            var channelOutputs = Map.<String, Object>of("arn", created.channel().arn(), "streamKeyArn", created.streamKey().arn());
            var keyOutputs = Map.<String, Object>of("arn", created.streamKey().arn(), "channelArn", created.channel().arn());
            tasks.add(() -> channel.read(new ReadRequest(created.channel().arn(), "urn", Map.of(), channelOutputs)));
            tasks.add(() -> streamKey.read(new ReadRequest(created.streamKey().arn(), "urn", Map.of(), keyOutputs)));
        }
        var admin = IVS.emulator().admin();
        admin.resetRequestCounts();
        admin.injectFault(FaultRule.latency("BatchGetChannel", Duration.ofMillis(500)),
                FaultRule.latency("BatchGetStreamKey", Duration.ofMillis(500)));

        var pool = Executors.newFixedThreadPool(80);
        var results = new ArrayList<ReadResult>();
        try {
            for (var future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).hasSize(80).allMatch(ReadResult::exists);
        // 40 channel reads and 80 stream key reads of 40 distinct keys: a channel's key is read beside the channel,
        // in the same batch as the StreamKey resource's read of it, not in a call of its own afterwards.
        assertThat(admin.requestCount("BatchGetStreamKey")).isBetween(1L, 2L);
        assertThat(admin.requestCount("BatchGetChannel")).isBetween(1L, 2L);
    }
}
