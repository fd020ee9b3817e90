package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.ChannelType;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.TranscodePreset;

class ChannelLifecycleTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void createChannel_noArguments_returnsDefaultsAndStreamKey(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });

        Channel channel = created.channel();
        assertThat(channel.arn()).matches("arn:aws:ivs:us-west-2:123456789012:channel/[A-Za-z0-9]{12}");
        assertThat(channel.type()).isEqualTo(ChannelType.STANDARD);
        assertThat(channel.latencyMode()).isEqualTo(ChannelLatencyMode.LOW);
        assertThat(channel.authorized()).isFalse();
        assertThat(channel.insecureIngest()).isFalse();
        assertThat(channel.presetAsString()).isEmpty();
        assertThat(channel.recordingConfigurationArn()).isEmpty();
        assertThat(channel.ingestEndpoint()).matches("[0-9a-f]{12}\\.global-contribute\\.live-video\\.net");
        assertThat(channel.playbackUrl()).startsWith("https://").endsWith(".m3u8").contains("/api/video/v1/us-west-2.123456789012.channel.");
        assertThat(channel.srt().passphrase()).hasSize(68);
        assertThat(channel.multitrackInputConfiguration().enabled()).isFalse();
        assertThat(created.streamKey().channelArn()).isEqualTo(channel.arn());
        assertThat(created.streamKey().value()).startsWith("sk_us-west-2_");
    }

    @Test
    void getChannel_afterCreate_returnsSameChannel(IvsClient ivs) {
        Channel created = ivs.createChannel(b -> b.name("news").type(ChannelType.ADVANCED_HD)).channel();

        Channel fetched = ivs.getChannel(b -> b.arn(created.arn())).channel();

        assertThat(fetched).isEqualTo(created);
        assertThat(fetched.preset()).isEqualTo(TranscodePreset.HIGHER_BANDWIDTH_DELIVERY);
    }

    @Test
    void updateChannel_liveChannel_conflict(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(arn);

        assertThatThrownBy(() -> ivs.updateChannel(b -> b.arn(arn).name("x")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ivs.deleteChannel(b -> b.arn(arn))).isInstanceOf(ConflictException.class);
    }

    @Test
    void deleteChannel_existing_removesChannelAndKey(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });

        ivs.deleteChannel(b -> b.arn(created.channel().arn()));

        assertThatThrownBy(() -> ivs.getChannel(b -> b.arn(created.channel().arn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.getStreamKey(b -> b.arn(created.streamKey().arn())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
