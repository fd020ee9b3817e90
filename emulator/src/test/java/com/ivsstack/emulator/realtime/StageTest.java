package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingMediaType;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenCapability;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;

class StageTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void createStage_withTokenConfigurations_returnsStageAndTokens(IvsRealTimeClient rt) {
        CreateStageResponse created = rt.createStage(b -> b.name("studio").participantTokenConfigurations(
                t -> t.userId("alice").capabilities(ParticipantTokenCapability.PUBLISH).duration(60),
                t -> t.userId("bob")));

        Stage stage = created.stage();
        assertThat(stage.arn()).matches("arn:aws:ivs:us-west-2:123456789012:stage/[A-Za-z0-9]{12}");
        assertThat(stage.endpoints().whip()).endsWith(".global-bm.whip.live-video.net");
        assertThat(stage.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEmpty();
        assertThat(stage.autoParticipantRecordingConfiguration().mediaTypes())
                .containsExactly(ParticipantRecordingMediaType.AUDIO_VIDEO);
        assertThat(created.participantTokens()).hasSize(2);
        assertThat(created.participantTokens().get(0).userId()).isEqualTo("alice");
        assertThat(created.participantTokens().get(0).duration()).isEqualTo(60);
        assertThat(created.participantTokens().get(1).capabilities())
                .containsExactly(ParticipantTokenCapability.PUBLISH, ParticipantTokenCapability.SUBSCRIBE);
        assertThat(created.participantTokens().get(1).token()).isNotBlank();
    }

    @Test
    void updateStage_nameAndRecording_changesThem(IvsRealTimeClient rt) {
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        String arn = rt.createStage(b -> b.name("before")).stage().arn();

        Stage updated = rt.updateStage(b -> b.arn(arn).name("after")
                .autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(storage))).stage();

        assertThat(updated.name()).isEqualTo("after");
        assertThat(updated.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEqualTo(storage);
        assertThat(rt.getStage(b -> b.arn(arn)).stage()).isEqualTo(updated);
    }

    @Test
    void updateStage_missingStorageConfiguration_notFound(IvsRealTimeClient rt) {
        String arn = rt.createStage(b -> { }).stage().arn();

        assertThatThrownBy(() -> rt.updateStage(b -> b.arn(arn).autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn("arn:aws:ivs:us-west-2:123456789012:storage-configuration/missingStor1"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteStage_existing_removesIt(IvsRealTimeClient rt) {
        String arn = rt.createStage(b -> { }).stage().arn();

        rt.deleteStage(b -> b.arn(arn));

        assertThat(rt.listStages(b -> { }).stages()).isEmpty();
    }
}
