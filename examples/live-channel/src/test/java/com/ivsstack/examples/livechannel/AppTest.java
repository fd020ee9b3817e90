package com.ivsstack.examples.livechannel;

import static com.ivsstack.examples.testing.IvsMocks.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.examples.testing.IvsMocks;
import com.ivsstack.examples.testing.ProgramRun;
import java.nio.file.Path;
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
    void stack_dev_declaresRecordingConfigurationChannelAndStreamKey() {
        assertThat(run.mocks().registrations().values())
                .extracting(IvsMocks.Registration::type, IvsMocks.Registration::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ivs:index:RecordingConfiguration", "recordings"),
                        org.assertj.core.groups.Tuple.tuple("ivs:index:Channel", "live"),
                        org.assertj.core.groups.Tuple.tuple("ivs:index:StreamKey", "live-key"));
    }

    @Test
    void recordingConfiguration_dev_writesToTheConfiguredBucket() {
        var inputs = run.mocks().registration("recordings").inputs();

        assertThat(inputs.get("destinationConfiguration"))
                .isEqualTo(Map.of("s3", Map.of("bucketName", "ivs-stack-dev-recordings")));
        assertThat(inputs).containsEntry("recordingReconnectWindowSeconds", 60.0)
                .containsEntry("thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 30.0));
    }

    @Test
    void channel_dev_recordsToTheRecordingConfiguration() {
        var inputs = run.mocks().registration("live").inputs();

        assertThat(inputs).containsEntry("recordingConfigurationArn", arnOf("ivs:index:RecordingConfiguration", "recordings"))
                .containsEntry("latencyMode", "LOW")
                .containsEntry("type", "STANDARD");
    }

    @Test
    void streamKey_dev_belongsToTheChannel() {
        assertThat(run.mocks().registration("live-key").inputs())
                .containsEntry("channelArn", arnOf("ivs:index:Channel", "live"));
    }

    @Test
    void exports_dev_givePlaybackAndIngestAndTheKeyOnlyAsSecret() {
        assertThat(run.export("playbackUrl")).isEqualTo(IvsMocks.playbackUrlOf("live"));
        assertThat((String) run.export("ingestEndpoint")).endsWith(".global-contribute.live-video.net");
        assertThat(run.export("streamKey")).isEqualTo(IvsMocks.streamKeyValueOf("live-key"));
        assertThat(run.isSecretExport("streamKey")).isTrue();
        assertThat(run.isSecretExport("playbackUrl")).isFalse();
    }
}
