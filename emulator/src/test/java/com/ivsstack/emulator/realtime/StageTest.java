package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.TestClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantToken;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingMediaType;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenCapability;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.ThumbnailRecordingMode;
import software.amazon.awssdk.services.ivsrealtime.model.ThumbnailStorageType;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

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
    void createStage_autoParticipantRecordingWithEveryMember_echoedAndReadBack(IvsRealTimeClient rt) {
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();

        Stage stage = rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn(storage)
                .mediaTypes(ParticipantRecordingMediaType.AUDIO_ONLY)
                .thumbnailConfiguration(t -> t.recordingMode(ThumbnailRecordingMode.INTERVAL).targetIntervalSeconds(10)
                        .storage(ThumbnailStorageType.SEQUENTIAL, ThumbnailStorageType.LATEST))
                .recordingReconnectWindowSeconds(120)
                .hlsConfiguration(h -> h.targetSegmentDurationSeconds(4))
                .recordParticipantReplicas(false))).stage();

        AutoParticipantRecordingConfiguration recording = stage.autoParticipantRecordingConfiguration();
        assertThat(recording.storageConfigurationArn()).isEqualTo(storage);
        assertThat(recording.mediaTypes()).containsExactly(ParticipantRecordingMediaType.AUDIO_ONLY);
        assertThat(recording.thumbnailConfiguration().recordingMode()).isEqualTo(ThumbnailRecordingMode.INTERVAL);
        assertThat(recording.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(10);
        assertThat(recording.thumbnailConfiguration().storage())
                .containsExactly(ThumbnailStorageType.SEQUENTIAL, ThumbnailStorageType.LATEST);
        assertThat(recording.recordingReconnectWindowSeconds()).isEqualTo(120);
        assertThat(recording.hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(4);
        assertThat(recording.recordParticipantReplicas()).isFalse();
        assertThat(rt.getStage(b -> b.arn(stage.arn())).stage()).isEqualTo(stage);
    }

    @Test
    void createStage_noRecording_everyMemberWithItsDefaultAndAllEndpoints(IvsRealTimeClient rt) {
        Stage stage = rt.createStage(b -> { }).stage();

        AutoParticipantRecordingConfiguration recording = stage.autoParticipantRecordingConfiguration();
        assertThat(recording.storageConfigurationArn()).isEmpty();
        assertThat(recording.thumbnailConfiguration().recordingMode()).isEqualTo(ThumbnailRecordingMode.DISABLED);
        assertThat(recording.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(60);
        assertThat(recording.thumbnailConfiguration().storage()).containsExactly(ThumbnailStorageType.SEQUENTIAL);
        assertThat(recording.recordingReconnectWindowSeconds()).isZero();
        assertThat(recording.hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(6);
        assertThat(recording.recordParticipantReplicas()).isTrue();
        assertThat(stage.endpoints().events()).isEqualTo("wss://global.events.live-video.net");
        String label = stage.endpoints().whip().substring("https://".length(), "https://".length() + 12);
        assertThat(stage.endpoints().rtmp()).isEqualTo("rtmp://" + label + ".global-contribute-staging.live-video.net/app/");
        assertThat(stage.endpoints().rtmps())
                .isEqualTo("rtmps://" + label + ".global-contribute-staging.live-video.net:443/app/");
        assertThat(stage.activeSessionId()).as("no session yet").isNull();
        assertThat(stage.tags()).isEmpty();
    }

    @Test
    void updateStage_emptyStorageConfigurationArn_resetsEveryRecordingMemberToItsDefault(IvsRealTimeClient rt) {
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        String arn = rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(storage)
                .recordingReconnectWindowSeconds(60).mediaTypes(ParticipantRecordingMediaType.AUDIO_ONLY))).stage().arn();

        AutoParticipantRecordingConfiguration off = rt.updateStage(b -> b.arn(arn).autoParticipantRecordingConfiguration(
                a -> a.storageConfigurationArn("").recordingReconnectWindowSeconds(60))).stage()
                .autoParticipantRecordingConfiguration();

        assertThat(off.storageConfigurationArn()).isEmpty();
        assertThat(off.recordingReconnectWindowSeconds()).isZero();
        assertThat(off.mediaTypes()).containsExactly(ParticipantRecordingMediaType.AUDIO_VIDEO);
    }

    @Test
    void createStage_thumbnailIntervalWithoutIntervalMode_validationError(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn("").thumbnailConfiguration(t -> t.targetIntervalSeconds(10)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("targetIntervalSeconds")
                .hasMessageContaining("INTERVAL");
        assertThat(rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn("")
                .thumbnailConfiguration(t -> t.targetIntervalSeconds(60).recordingMode(ThumbnailRecordingMode.DISABLED))))
                .stage().arn()).as("the defaults the service answers are accepted back").isNotBlank();
    }

    @Test
    void createStage_invalidRecordingMembers_validationErrorNamingEach(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn("arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh")
                .recordingReconnectWindowSeconds(301).hlsConfiguration(h -> h.targetSegmentDurationSeconds(11))
                .mediaTypes(ParticipantRecordingMediaType.AUDIO_ONLY, ParticipantRecordingMediaType.AUDIO_VIDEO))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("4 validation errors")
                .hasMessageContaining("storageConfigurationArn").hasMessageContaining("recordingReconnectWindowSeconds")
                .hasMessageContaining("targetSegmentDurationSeconds").hasMessageContaining("mediaTypes");
        assertThatThrownBy(() -> rt.createStage(b -> b.participantTokenConfigurations(t -> t
                .attributes(Map.of("big", "x".repeat(1100)))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("participantTokenConfigurations[0].attributes");
    }

    @Test
    void createParticipantToken_existingStage_tokenWithItsSettings(IvsRealTimeClient rt) {
        String arn = rt.createStage(b -> { }).stage().arn();

        ParticipantToken token = rt.createParticipantToken(b -> b.stageArn(arn).userId("carol").duration(30)
                .capabilities(ParticipantTokenCapability.SUBSCRIBE).attributes(Map.of("seat", "3"))).participantToken();

        assertThat(token.participantId()).matches("[A-Za-z0-9]{12}");
        assertThat(token.token()).isNotBlank();
        assertThat(token.userId()).isEqualTo("carol");
        assertThat(token.duration()).isEqualTo(30);
        assertThat(token.capabilities()).containsExactly(ParticipantTokenCapability.SUBSCRIBE);
        assertThat(token.attributes()).containsExactly(Map.entry("seat", "3"));
        assertThat(token.expirationTime()).isAfter(java.time.Instant.now().plusSeconds(29 * 60));
        assertThatThrownBy(() -> rt.createParticipantToken(b -> b.stageArn(
                "arn:aws:ivs:us-west-2:123456789012:stage/missingStag1"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> rt.createParticipantToken(b -> b.stageArn(arn).duration(20161)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("duration");
    }

    @Test
    void createStage_overTheCountQuota_serviceQuotaExceeded() {
        try (IvsEmulator emulator = IvsEmulator.builder().maxStages(1).build().start();
             IvsRealTimeClient rt = TestClients.realTimeWithoutRetries(emulator)) {
            rt.createStage(b -> { });

            assertThatThrownBy(() -> rt.createStage(b -> { }))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
        }
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
