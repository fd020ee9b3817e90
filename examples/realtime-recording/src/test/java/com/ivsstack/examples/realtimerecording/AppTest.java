package com.ivsstack.examples.realtimerecording;

import static com.ivsstack.examples.testing.IvsMocks.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.examples.testing.IvsMocks;
import com.ivsstack.examples.testing.ProgramRun;
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
    void encoders_dev_oneValidConfigurationPerRendition() {
        var encoders = run.mocks().registrationsOfType("ivs:realtime:EncoderConfiguration");

        assertThat(encoders).extracting(IvsMocks.Registration::name).containsExactlyInAnyOrder("hd-720p", "full-hd-1080p");
        assertThat(run.mocks().registration("full-hd-1080p").inputs().get("video"))
                .isEqualTo(Map.of("width", 1920.0, "height", 1080.0, "framerate", 30.0, "bitrate", 6_000_000.0));
        for (App.Rendition rendition : App.RENDITIONS) {
            assertThat(rendition.width() % 2 + rendition.height() % 2).as(rendition.name()).isZero();
            assertThat(rendition.width() * rendition.height()).as(rendition.name()).isLessThanOrEqualTo(2_073_600);
        }
    }

    @Test
    void storage_dev_writesToTheConfiguredBucket() {
        assertThat(run.mocks().registration("composition-recordings").inputs())
                .containsEntry("s3", Map.of("bucketName", "ivs-stack-dev-compositions"));
    }

    @Test
    void exports_dev_listEveryArnACompositionNeeds() {
        assertThat(run.export("encoderConfigurationArns")).isEqualTo(List.of(
                arnOf("ivs:realtime:EncoderConfiguration", "hd-720p"),
                arnOf("ivs:realtime:EncoderConfiguration", "full-hd-1080p")));
        assertThat(run.export("storageConfigurationArn"))
                .isEqualTo(arnOf("ivs:realtime:StorageConfiguration", "composition-recordings"));
    }
}
