package com.ivsstack.provider.resource;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.api.UpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** customTimeouts bound every wait of create, update and delete; the error names the resource, operation and timeout. */
class CustomTimeoutTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    /** Far below the 10 minutes an operation would otherwise wait: the test ends only if the timeout is honoured. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final TestProviders.RecordingLog log = new TestProviders.RecordingLog();
    private IvsProvider provider;
    private Broadcaster broadcaster;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (broadcaster != null) {
            broadcaster.close();
        }
        IVS.emulator().admin().clearFaults();
        IVS.emulator().setActivationDelay(Duration.ofMillis(50));
        provider.close();
    }

    private ResourceHarness resource(String token, Map<String, Object> config) {
        provider = TestProviders.against(IVS, log, config);
        return new ResourceHarness(provider, token, "timed");
    }

    /** Broadcasting software that reconnects at once whenever its stream is stopped: the channel never stays offline. */
    private static final class Broadcaster implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Broadcaster(String channelArn) {
            IVS.emulator().admin().startStream(channelArn);
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        IVS.emulator().admin().startStream(channelArn);
                    } catch (RuntimeException alreadyLive) {
                        // still live: nothing to reconnect
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "reconnecting-broadcaster");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void update_liveChannelWhoseStreamNeverGoesOffline_failsAtTheUpdateTimeoutNamingIt(IvsClient ivs) {
        var channel = resource(ChannelResource.TOKEN, Map.of("stopLiveStreams", true));
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        broadcaster = new Broadcaster(created.id());
        // every poll of the stream answers after the broadcaster has reconnected
        IVS.emulator().admin().injectFault(FaultRule.latency("GetStream", Duration.ofMillis(300)));
        var changed = channel.check(Map.of("name", "live", "latencyMode", "NORMAL"));

        long start = System.nanoTime();
        var failure = catchThrowableOfType(() -> channel.type.update(new UpdateRequest(created.id(), channel.urn, inputs,
                created.outputs(), changed, Duration.ofMillis(800), false, List.of())), ProviderException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(failure).hasMessageStartingWith("updating IVS Channel (" + created.id() + "): the live stream on channel "
                        + created.id() + " did not go offline after StopStream within the update timeout of 800 ms")
                .hasMessageContaining("customTimeouts: { update: \"1m\" }");
        assertThat(ivs.getChannel(b -> b.arn(created.id())).channel().latencyModeAsString()).isEqualTo("LOW");
    }

    @Test
    void delete_liveChannelThatGoesLiveAgainAfterEveryStop_failsAtTheDeleteTimeoutAndKeepsIt(IvsClient ivs) {
        var channel = resource(ChannelResource.TOKEN, Map.of("stopLiveStreams", true));
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        broadcaster = new Broadcaster(created.id());
        // the delete arrives after the broadcaster has reconnected, however fast the stop was
        IVS.emulator().admin().injectFault(FaultRule.latency("DeleteChannel", Duration.ofMillis(150)));

        long start = System.nanoTime();
        var failure = catchThrowableOfType(() -> channel.type.delete(new DeleteRequest(created.id(), channel.urn, inputs,
                created.outputs(), Duration.ofMillis(600))), ProviderException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(failure).hasMessageStartingWith("deleting IVS Channel (" + created.id() + "): ")
                .hasMessageContaining("the delete timeout of 600 ms")
                .hasMessageContaining("customTimeouts: { delete: \"1m\" }");
        assertThat(IVS.emulator().admin().requestCount("StopStream")).isGreaterThanOrEqualTo(1);
        assertThat(ivs.getChannel(b -> b.arn(created.id())).channel().arn()).isEqualTo(created.id());
    }

    @Test
    void createThenUpdate_recordingConfigurationKeptCreating_failBothAtTheirTimeoutsNamingThem() {
        var recording = resource(RecordingConfigurationResource.TOKEN, Map.of());
        var inputs = recording.check(Map.of("destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings"))));
        IVS.emulator().setActivationDelay(Duration.ofSeconds(60));

        var created = catchThrowableOfType(() -> recording.type.create(new CreateRequest(recording.urn, inputs,
                Duration.ofMillis(150), false)), ResourceInitFailedException.class);
        assertThat(created).hasMessageStartingWith("creating IVS RecordingConfiguration (" + created.id()
                        + "): created, but it was still CREATING when the create timeout of 150 ms ran out")
                .hasMessageContaining("customTimeouts: { create: \"1m\" }")
                .hasMessageEndingWith("the next up waits again");

        long start = System.nanoTime();
        var updated = catchThrowableOfType(() -> recording.type.update(new UpdateRequest(created.id(), recording.urn,
                inputs, created.outputs(), inputs, Duration.ofMillis(300), false, List.of())), ProviderException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(updated).hasMessageStartingWith("updating IVS RecordingConfiguration (" + created.id()
                        + "): it was still CREATING when the update timeout of 300 ms ran out")
                .hasMessageContaining("customTimeouts: { update: \"1m\" }");
    }

    @Test
    void delete_detachingMoreChannelsThanTheTimeoutAllows_failsSayingHowFarItGot(IvsClient ivs) {
        var recording = resource(RecordingConfigurationResource.TOKEN, Map.of());
        var inputs = recording.check(Map.of("destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings"))));
        var created = recording.create(inputs);
        for (int i = 0; i < 20; i++) {
            ivs.createChannel(b -> b.recordingConfigurationArn(created.id()));
        }
        IVS.emulator().admin().injectFault(FaultRule.latency("UpdateChannel", Duration.ofMillis(200)));

        var failure = catchThrowableOfType(() -> recording.type.delete(new DeleteRequest(created.id(), recording.urn,
                inputs, created.outputs(), Duration.ofMillis(1000))), ProviderException.class);

        assertThat(failure).hasMessageStartingWith("deleting IVS RecordingConfiguration (" + created.id() + "): detached ")
                .hasMessageContaining(" of 20 channels before the delete timeout of 1 s ran out")
                .hasMessageContaining("customTimeouts: { delete: \"1m\" }");
        assertThat(log.warnings()).hasSizeLessThan(20);
        assertThat(ivs.getRecordingConfiguration(b -> b.arn(created.id())).recordingConfiguration().arn())
                .isEqualTo(created.id());
    }
}
