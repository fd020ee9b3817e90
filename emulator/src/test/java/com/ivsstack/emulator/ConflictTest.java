package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** Every documented 409 ConflictException case, and that the conflict goes away once its cause does. */
class ConflictTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void listChannels_twoFilters_conflict(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.listChannels(b -> b.filterByName("a")
                .filterByRecordingConfigurationArn("arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> ivs.listChannels(b -> b.filterByName("a")
                .filterByPlaybackRestrictionPolicyArn("arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/abc")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void updateAndDeleteChannel_live_conflictUntilStopped(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);

        assertThatThrownBy(() -> ivs.updateChannel(b -> b.arn(channel).name("x"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ivs.deleteChannel(b -> b.arn(channel))).isInstanceOf(ConflictException.class);

        ivs.stopStream(b -> b.channelArn(channel));
        assertThat(ivs.updateChannel(b -> b.arn(channel).name("x")).channel().name()).isEqualTo("x");
        ivs.deleteChannel(b -> b.arn(channel));
    }

    @Test
    void deleteRecordingConfiguration_usedByChannel_conflict(IvsClient ivs) {
        String recording = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("recordings")))).recordingConfiguration().arn();
        ivs.createChannel(b -> b.recordingConfigurationArn(recording));

        assertThatThrownBy(() -> ivs.deleteRecordingConfiguration(b -> b.arn(recording)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("UpdateChannel");
    }

    @Test
    void deleteEncoderAndStorageConfiguration_usedByActiveComposition_conflictUntilStopped(IvsClient ivs,
                                                                                            IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String encoder = rt.createEncoderConfiguration(b -> { }).encoderConfiguration().arn();
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        String composition = rt.startComposition(b -> b.stageArn(stage).destinations(
                d -> d.s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder)))).composition().arn();

        assertThatThrownBy(() -> rt.deleteEncoderConfiguration(b -> b.arn(encoder)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ivsrealtime.model.ConflictException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> rt.deleteStorageConfiguration(b -> b.arn(storage)))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ConflictException.class);
        assertThatThrownBy(() -> rt.deleteStage(b -> b.arn(stage)))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ConflictException.class);

        rt.stopComposition(b -> b.arn(composition));
        rt.deleteEncoderConfiguration(b -> b.arn(encoder));
        rt.deleteStorageConfiguration(b -> b.arn(storage));
        rt.deleteStage(b -> b.arn(stage));
        assertThat(rt.listEncoderConfigurations(b -> { }).encoderConfigurations()).isEmpty();
    }

    @Test
    void deletePlaybackRestrictionPolicy_usedByChannel_conflict(IvsClient ivs) {
        String policy = ivs.createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy().arn();
        ivs.createChannel(b -> b.playbackRestrictionPolicyArn(policy));

        assertThatThrownBy(() -> ivs.deletePlaybackRestrictionPolicy(b -> b.arn(policy)))
                .isInstanceOf(ConflictException.class);
    }
}
