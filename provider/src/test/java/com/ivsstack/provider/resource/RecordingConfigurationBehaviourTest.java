package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingConfigurationBehaviourTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private final TestProviders.RecordingLog log = new TestProviders.RecordingLog();
    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
    }

    private ResourceHarness recording(Map<String, Object> config) {
        provider = TestProviders.against(IVS, log, config);
        return new ResourceHarness(provider, RecordingConfigurationResource.TOKEN, "recordings");
    }

    private static Map<String, Object> declared(String bucket) {
        return Map.of("name", "rec", "destinationConfiguration", Map.of("s3", Map.of("bucketName", bucket)));
    }

    @Test
    void create_waitsUntilActive(IvsClient ivs) {
        var resource = recording(Map.of());
        var created = resource.create(resource.check(declared("recordings")));
        assertThat(created.outputs()).containsEntry("state", "ACTIVE");
        assertThat(ivs.getRecordingConfiguration(b -> b.arn(created.id())).recordingConfiguration().stateAsString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void create_stillCreatingAtTimeout_isPartialFailureThatTheNextUpdateFinishes() {
        var resource = recording(Map.of());
        var inputs = resource.check(declared("recordings"));
        IVS.emulator().setActivationDelay(java.time.Duration.ofMillis(1500));
        try {
            var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> resource.type.create(new com.ivsstack.provider.api.CreateRequest(resource.urn, inputs,
                            java.time.Duration.ofMillis(200), false)),
                    com.ivsstack.provider.api.ResourceInitFailedException.class);
            assertThat(failure.id()).startsWith("arn:aws:ivs:us-west-2:");
            assertThat(failure.outputs()).containsEntry("state", "CREATING").containsEntry("arn", failure.id())
                    .containsEntry("name", "rec").containsEntry("tags", Map.of());
            assertThat(failure.getMessage()).startsWith("creating IVS RecordingConfiguration (" + failure.id() + ")")
                    .contains("the next up waits again");

            var finished = resource.update(failure.id(), inputs, failure.outputs(), inputs);
            assertThat(finished.outputs()).containsEntry("state", "ACTIVE").containsEntry("arn", failure.id());
        } finally {
            IVS.emulator().setActivationDelay(java.time.Duration.ofMillis(50));
        }
    }

    @Test
    void create_cancelledWhileCreating_stopsWaitingAndKeepsTheId() {
        var resource = recording(Map.of());
        var inputs = resource.check(declared("recordings"));
        IVS.emulator().setActivationDelay(java.time.Duration.ofSeconds(30));
        try {
            new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                provider.cancel();
            }).start();
            long start = System.nanoTime();
            var failure = org.assertj.core.api.Assertions.catchThrowableOfType(() -> resource.create(inputs),
                    com.ivsstack.provider.api.ResourceInitFailedException.class);
            assertThat(failure.id()).startsWith("arn:aws:ivs:");
            assertThat(failure.getMessage()).contains("cancelled");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        } finally {
            IVS.emulator().setActivationDelay(java.time.Duration.ofMillis(50));
        }
    }

    @Test
    void create_bucketInOtherRegion_failsWithRegionHintAndLeavesNothing(IvsClient ivs) {
        IVS.emulator().admin().registerBucket("far-away", "eu-west-1");
        var resource = recording(Map.of());
        var inputs = resource.check(declared("far-away"));
        assertThatThrownBy(() -> resource.create(inputs))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("creating IVS RecordingConfiguration (arn:aws:ivs:us-west-2:")
                .hasMessageContaining("CREATE_FAILED")
                .hasMessageContaining("\"far-away\" is probably in another region than us-west-2")
                .hasMessageContaining("Create the bucket in us-west-2");
        assertThat(ivs.listRecordingConfigurations(b -> { }).recordingConfigurations()).isEmpty();
    }

    @Test
    void delete_usedByChannelsOnSeveralPages_detachesEveryChannelWithAWarning(IvsClient ivs) {
        var resource = recording(Map.of());
        var inputs = resource.check(declared("recordings"));
        var created = resource.create(inputs);
        var channels = new ArrayList<String>();
        for (int i = 0; i < 105; i++) {
            int n = i;
            channels.add(ivs.createChannel(b -> b.name("c" + n).recordingConfigurationArn(created.id())).channel().arn());
        }
        ivs.createChannel(b -> b.name("unrelated"));

        resource.delete(created.id(), inputs, created.outputs());

        assertThat(resource.read(created.id(), inputs, created.outputs()).exists()).isFalse();
        for (String channel : List.of(channels.get(0), channels.get(99), channels.get(104))) {
            assertThat(ivs.getChannel(b -> b.arn(channel)).channel().recordingConfigurationArn()).isEmpty();
        }
        assertThat(log.warnings()).hasSize(105).allMatch(w -> w.contains("detached recording configuration " + created.id()));
        assertThat(IVS.emulator().admin().requestCount("ListChannels")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void delete_usedByChannelAndDetachDisabled_failsNamingTheChannel(IvsClient ivs) {
        var resource = recording(Map.of("detachRecordingConfigurations", "false"));
        var inputs = resource.check(declared("recordings"));
        var created = resource.create(inputs);
        String channel = ivs.createChannel(b -> b.recordingConfigurationArn(created.id())).channel().arn();

        assertThatThrownBy(() -> resource.delete(created.id(), inputs, created.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("deleting IVS RecordingConfiguration (" + created.id() + "): still used by channel(s) " + channel)
                .hasMessageContaining("detachRecordingConfigurations: true");
        assertThat(resource.read(created.id(), inputs, created.outputs()).exists()).isTrue();
    }

    @Test
    void delete_usedByLiveChannel_failsNamingItUnlessStopLiveStreams(IvsClient ivs) {
        var resource = recording(Map.of());
        var inputs = resource.check(declared("recordings"));
        var created = resource.create(inputs);
        String channel = ivs.createChannel(b -> b.recordingConfigurationArn(created.id())).channel().arn();
        IVS.emulator().admin().startStream(channel);

        assertThatThrownBy(() -> resource.delete(created.id(), inputs, created.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("channel " + channel + " is live")
                .hasMessageContaining("stopLiveStreams: true");

        provider.close();
        var stopping = recording(Map.of("stopLiveStreams", true));
        stopping.delete(created.id(), inputs, created.outputs());
        assertThat(stopping.read(created.id(), inputs, created.outputs()).exists()).isFalse();
        assertThat(log.warnings()).anyMatch(w -> w.contains("stopping the live stream on channel " + channel));
    }
}
