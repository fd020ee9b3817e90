package com.ivsstack.examples.realtimestage;

import static com.ivsstack.examples.testing.IvsMocks.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.examples.testing.IvsMocks;
import com.ivsstack.examples.testing.PemKeys;
import com.ivsstack.examples.testing.ProgramRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppTest {

    private static ProgramRun.Result run;

    @BeforeAll
    static void runDevStack() {
        run = ProgramRun.run(Path.of("."), "dev", App::stack);
    }

    @Test
    void stage_dev_recordsEveryParticipantThroughTheStorageConfigurationWithThumbnails() {
        var recording = run.mocks().registration("studio").inputs().get("autoParticipantRecordingConfiguration");

        assertThat(recording).isEqualTo(Map.of(
                "storageConfigurationArn", arnOf("ivs:realtime:StorageConfiguration", "participant-recordings"),
                "mediaTypes", List.of("AUDIO_VIDEO"),
                "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 10.0,
                        "storage", List.of("SEQUENTIAL", "LATEST")),
                "recordingReconnectWindowSeconds", 60.0));
    }

    @Test
    void storage_dev_writesToTheConfiguredBucket() {
        assertThat(run.mocks().registration("participant-recordings").inputs())
                .containsEntry("s3", Map.of("bucketName", "ivs-stack-dev-participant-recordings"));
    }

    @Test
    void ingestConfiguration_dev_isAnRtmpsEncoderOfTheStage() {
        assertThat(run.mocks().registration("studio-encoder").inputs())
                .containsEntry("stageArn", arnOf("ivs:realtime:Stage", "studio"))
                .containsEntry("ingestProtocol", "RTMPS")
                .containsEntry("insecureIngest", false)
                .containsEntry("userId", "studio-encoder")
                .containsEntry("attributes", Map.of("role", "host"));
    }

    @Test
    void exports_dev_streamKeyIsSecretAndTheEncoderServerIsTheStagesRtmpsEndpoint() {
        assertThat(run.export("encoderStreamKey")).isEqualTo(IvsMocks.ingestStreamKeyOf("studio-encoder"));
        assertThat(run.isSecretExport("encoderStreamKey")).isTrue();
        assertThat(run.export("encoderServer")).isEqualTo(IvsMocks.rtmpsEndpointOf("studio"));
        assertThat(run.isSecretExport("encoderServer")).isFalse();
        assertThat(run.export("participantTokenKeyArn")).isEqualTo(arnOf("ivs:realtime:PublicKey", "participant-tokens"));
    }

    @Test
    void publicKey_dev_importsThePemFileUnchanged() throws Exception {
        assertThat(run.mocks().registration("participant-tokens").inputs())
                .containsEntry("publicKeyMaterial", Files.readString(Path.of("participant-tokens-public-key.pem")));
    }

    @Test
    void shippedPublicKey_isAnEcdsaP384Key() throws Exception {
        var key = PemKeys.ecPublicKey(Path.of("participant-tokens-public-key.pem"));

        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
    }
}
