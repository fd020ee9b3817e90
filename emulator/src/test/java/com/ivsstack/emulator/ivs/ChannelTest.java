package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.BatchGetChannelResponse;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.ChannelType;
import software.amazon.awssdk.services.ivs.model.ContainerFormat;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.MultitrackMaximumResolution;
import software.amazon.awssdk.services.ivs.model.MultitrackPolicy;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.TranscodePreset;
import software.amazon.awssdk.services.ivs.model.ValidationException;
import com.ivsstack.emulator.support.TestClients;

class ChannelTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void createChannel_noArguments_returnsDefaultsAndStreamKey(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });

        Channel channel = created.channel();
        assertThat(channel.arn()).matches("arn:aws:ivs:us-west-2:123456789012:channel/[A-Za-z0-9]{12}");
        assertThat(channel.type()).isEqualTo(ChannelType.STANDARD);
        assertThat(channel.latencyMode()).isEqualTo(ChannelLatencyMode.LOW);
        assertThat(channel.containerFormat()).isEqualTo(ContainerFormat.TS);
        assertThat(channel.authorized()).isFalse();
        assertThat(channel.insecureIngest()).isFalse();
        assertThat(channel.name()).isEmpty();
        assertThat(channel.presetAsString()).isEmpty();
        assertThat(channel.recordingConfigurationArn()).isEmpty();
        assertThat(channel.playbackRestrictionPolicyArn()).isEmpty();
        assertThat(channel.tags()).isEmpty();
        assertThat(channel.ingestEndpoint()).matches("[0-9a-f]{12}\\.global-contribute\\.live-video\\.net");
        String id = channel.arn().substring(channel.arn().lastIndexOf('/') + 1);
        assertThat(channel.playbackUrl()).matches("https://[0-9a-f]{12}\\.us-west-2\\.playback\\.live-video\\.net"
                + "/api/video/v1/us-west-2\\.123456789012\\.channel\\." + id + "\\.m3u8");
        assertThat(channel.srt().endpoint()).endsWith(".srt.live-video.net");
        assertThat(channel.srt().passphrase()).matches("[A-Za-z0-9]{68}");
        assertThat(channel.multitrackInputConfiguration().enabled()).isFalse();
        assertThat(channel.multitrackInputConfiguration().policy()).isEqualTo(MultitrackPolicy.ALLOW);
        assertThat(created.streamKey().arn()).matches("arn:aws:ivs:us-west-2:123456789012:stream-key/[A-Za-z0-9]{12}");
        assertThat(created.streamKey().channelArn()).isEqualTo(channel.arn());
        assertThat(created.streamKey().value()).matches("sk_us-west-2_[A-Za-z0-9]{12}_[A-Za-z0-9]{24}");
    }

    @Test
    void createChannel_allSettings_echoesThem(IvsClient ivs) {
        Channel channel = ivs.createChannel(b -> b.name("news-desk").type(ChannelType.ADVANCED_SD)
                .preset(TranscodePreset.CONSTRAINED_BANDWIDTH_DELIVERY).latencyMode(ChannelLatencyMode.NORMAL)
                .authorized(true).insecureIngest(true).containerFormat(ContainerFormat.FRAGMENTED_MP4)
                .tags(Map.of("team", "news"))).channel();

        assertThat(channel.name()).isEqualTo("news-desk");
        assertThat(channel.type()).isEqualTo(ChannelType.ADVANCED_SD);
        assertThat(channel.preset()).isEqualTo(TranscodePreset.CONSTRAINED_BANDWIDTH_DELIVERY);
        assertThat(channel.latencyMode()).isEqualTo(ChannelLatencyMode.NORMAL);
        assertThat(channel.authorized()).isTrue();
        assertThat(channel.insecureIngest()).isTrue();
        assertThat(channel.containerFormat()).isEqualTo(ContainerFormat.FRAGMENTED_MP4);
        assertThat(channel.tags()).containsEntry("team", "news");
    }

    @Test
    void createChannel_advancedTypeWithoutPreset_getsHigherBandwidthPreset(IvsClient ivs) {
        Channel channel = ivs.createChannel(b -> b.type(ChannelType.ADVANCED_HD)).channel();

        assertThat(channel.preset()).isEqualTo(TranscodePreset.HIGHER_BANDWIDTH_DELIVERY);
    }

    @Test
    void createChannel_multitrackOnStandardWithFragmentedMp4_enabled(IvsClient ivs) {
        Channel channel = ivs.createChannel(b -> b.containerFormat(ContainerFormat.FRAGMENTED_MP4)
                .multitrackInputConfiguration(m -> m.enabled(true).policy(MultitrackPolicy.REQUIRE)
                        .maximumResolution(MultitrackMaximumResolution.HD))).channel();

        assertThat(channel.multitrackInputConfiguration().enabled()).isTrue();
        assertThat(channel.multitrackInputConfiguration().policy()).isEqualTo(MultitrackPolicy.REQUIRE);
        assertThat(channel.multitrackInputConfiguration().maximumResolution()).isEqualTo(MultitrackMaximumResolution.HD);
    }

    @Test
    void getChannel_afterCreate_returnsSameChannel(IvsClient ivs) {
        Channel created = ivs.createChannel(b -> b.name("news")).channel();

        assertThat(ivs.getChannel(b -> b.arn(created.arn())).channel()).isEqualTo(created);
    }

    @Test
    void getChannel_otherRegion_notFound(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();
        try (IvsClient frankfurt = TestClients.ivs(IVS.emulator(), Region.EU_CENTRAL_1)) {
            assertThatThrownBy(() -> frankfurt.getChannel(b -> b.arn(arn)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(frankfurt.createChannel(b -> { }).channel().arn()).startsWith("arn:aws:ivs:eu-central-1:");
            assertThat(frankfurt.listChannels(b -> { }).channels()).hasSize(1);
        }
    }

    @Test
    void batchGetChannel_mixOfExistingAndMissing_returnsChannelsAndErrors(IvsClient ivs) {
        String first = ivs.createChannel(b -> { }).channel().arn();
        String second = ivs.createChannel(b -> { }).channel().arn();
        String missing = "arn:aws:ivs:us-west-2:123456789012:channel/missingChan1";

        BatchGetChannelResponse response = ivs.batchGetChannel(b -> b.arns(first, missing, second));

        assertThat(response.channels()).extracting(Channel::arn).containsExactly(first, second);
        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.arn()).isEqualTo(missing);
            assertThat(error.code()).isEqualTo("ResourceNotFoundException");
            assertThat(error.message()).contains(missing);
        });
    }

    @Test
    void listChannels_eachFilter_returnsOnlyMatches(IvsClient ivs) {
        String recording = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("recordings")))).recordingConfiguration().arn();
        String policy = ivs.createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy().arn();
        String named = ivs.createChannel(b -> b.name("alpha")).channel().arn();
        String recorded = ivs.createChannel(b -> b.recordingConfigurationArn(recording)).channel().arn();
        String restricted = ivs.createChannel(b -> b.playbackRestrictionPolicyArn(policy)).channel().arn();

        assertThat(ivs.listChannels(b -> b.filterByName("alpha")).channels())
                .extracting(ChannelSummary::arn).containsExactly(named);
        assertThat(ivs.listChannels(b -> b.filterByRecordingConfigurationArn(recording)).channels())
                .extracting(ChannelSummary::arn).containsExactly(recorded);
        assertThat(ivs.listChannels(b -> b.filterByPlaybackRestrictionPolicyArn(policy)).channels())
                .extracting(ChannelSummary::arn).containsExactly(restricted);
        assertThat(ivs.listChannels(b -> { }).channels()).hasSize(3);
    }

    @Test
    void listChannels_summary_hasSummaryMembersOnly(IvsClient ivs) {
        ivs.createChannel(b -> b.name("one").tags(Map.of("k", "v")));

        ChannelSummary summary = ivs.listChannels(b -> { }).channels().get(0);

        assertThat(summary.name()).isEqualTo("one");
        assertThat(summary.tags()).containsEntry("k", "v");
        assertThat(summary.type()).isEqualTo(ChannelType.STANDARD);
        assertThat(summary.sdkFields()).extracting(f -> f.memberName()).doesNotContain("ingestEndpoint");
    }

    @Test
    void updateChannel_someFields_changesOnlyThose(IvsClient ivs) {
        Channel created = ivs.createChannel(b -> b.name("before").latencyMode(ChannelLatencyMode.NORMAL)).channel();

        Channel updated = ivs.updateChannel(b -> b.arn(created.arn()).name("after").authorized(true)).channel();

        assertThat(updated.name()).isEqualTo("after");
        assertThat(updated.authorized()).isTrue();
        assertThat(updated.latencyMode()).isEqualTo(ChannelLatencyMode.NORMAL);
        assertThat(updated.ingestEndpoint()).isEqualTo(created.ingestEndpoint());
        assertThat(ivs.getChannel(b -> b.arn(created.arn())).channel()).isEqualTo(updated);
    }

    @Test
    void updateChannel_typeFromAdvancedToBasic_clearsPreset(IvsClient ivs) {
        String arn = ivs.createChannel(b -> b.type(ChannelType.ADVANCED_HD)).channel().arn();

        Channel updated = ivs.updateChannel(b -> b.arn(arn).type(ChannelType.BASIC)).channel();

        assertThat(updated.presetAsString()).isEmpty();
    }

    @Test
    void updateChannel_detachRecordingConfiguration_withEmptyString(IvsClient ivs) {
        String recording = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("recordings")))).recordingConfiguration().arn();
        String arn = ivs.createChannel(b -> b.recordingConfigurationArn(recording)).channel().arn();

        Channel updated = ivs.updateChannel(b -> b.arn(arn).recordingConfigurationArn("")).channel();

        assertThat(updated.recordingConfigurationArn()).isEmpty();
        ivs.deleteRecordingConfiguration(b -> b.arn(recording));
    }

    @Test
    void updateChannel_presetOnStandardType_validationError(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.updateChannel(b -> b.arn(arn).preset(TranscodePreset.HIGHER_BANDWIDTH_DELIVERY)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("preset");
    }

    @Test
    void createChannel_missingRecordingConfiguration_notFound(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.createChannel(b -> b.recordingConfigurationArn(
                "arn:aws:ivs:us-west-2:123456789012:recording-configuration/missingRec01")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
    }

    @Test
    void deleteChannel_existing_removesChannelAndStreamKey(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });

        ivs.deleteChannel(b -> b.arn(created.channel().arn()));

        assertThatThrownBy(() -> ivs.getChannel(b -> b.arn(created.channel().arn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ivs.getStreamKey(b -> b.arn(created.streamKey().arn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
    }
}
