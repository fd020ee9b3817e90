package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveChannelTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private final TestProviders.RecordingLog log = new TestProviders.RecordingLog();
    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private ResourceHarness channel(boolean stopLiveStreams) {
        provider = TestProviders.against(IVS, log, Map.of("stopLiveStreams", stopLiveStreams));
        return new ResourceHarness(provider, ChannelResource.TOKEN, "live");
    }

    @Test
    void update_liveChannelWithoutStopLiveStreams_failsNamingChannelAndFix(IvsClient ivs) {
        var channel = channel(false);
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        IVS.emulator().admin().startStream(created.id());
        var changed = channel.check(Map.of("name", "live", "latencyMode", "NORMAL"));

        assertThatThrownBy(() -> channel.update(created.id(), inputs, created.outputs(), changed))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("updating IVS Channel (" + created.id() + "): channel " + created.id() + " is live")
                .hasMessageContaining("Stop the stream")
                .hasMessageContaining("stopLiveStreams: true");
        assertThat(ivs.getChannel(b -> b.arn(created.id())).channel().latencyModeAsString()).isEqualTo("LOW");
    }

    @Test
    void update_liveChannelWithStopLiveStreams_stopsStreamAndUpdates(IvsClient ivs) {
        var channel = channel(true);
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        IVS.emulator().admin().startStream(created.id());
        var changed = channel.check(Map.of("name", "live", "latencyMode", "NORMAL"));

        var updated = channel.update(created.id(), inputs, created.outputs(), changed);

        assertThat(updated.outputs()).containsEntry("latencyMode", "NORMAL");
        assertThat(IVS.emulator().admin().requestCount("StopStream")).isEqualTo(1);
        assertThat(log.warnings()).anyMatch(w -> w.contains("stopping the live stream on channel " + created.id()));
    }

    @Test
    void delete_liveChannelWithoutStopLiveStreams_failsAndKeepsChannel(IvsClient ivs) {
        var channel = channel(false);
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        IVS.emulator().admin().startStream(created.id());

        assertThatThrownBy(() -> channel.delete(created.id(), inputs, created.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("deleting IVS Channel (" + created.id() + "): channel " + created.id() + " is live");
        assertThat(channel.read(created.id(), inputs, created.outputs()).exists()).isTrue();
    }

    @Test
    void delete_liveChannelWithStopLiveStreams_stopsStreamAndDeletes() {
        var channel = channel(true);
        var inputs = channel.check(Map.of("name", "live"));
        var created = channel.create(inputs);
        IVS.emulator().admin().startStream(created.id());

        channel.delete(created.id(), inputs, created.outputs());

        assertThat(channel.read(created.id(), inputs, created.outputs()).exists()).isFalse();
    }
}
