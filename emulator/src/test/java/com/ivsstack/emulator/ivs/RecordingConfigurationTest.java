package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.RecordingMode;
import software.amazon.awssdk.services.ivs.model.RenditionConfigurationRendition;
import software.amazon.awssdk.services.ivs.model.RenditionConfigurationRenditionSelection;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ThumbnailConfigurationResolution;
import software.amazon.awssdk.services.ivs.model.ThumbnailConfigurationStorage;

class RecordingConfigurationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.builder()
            .recordingConfigurationActivationDelay(Duration.ofMillis(300)).build();

    @Test
    void create_thenWait_creatingBecomesActive(IvsClient ivs) throws InterruptedException {
        RecordingConfiguration created = ivs.createRecordingConfiguration(b -> b.name("rec")
                .destinationConfiguration(d -> d.s3(s -> s.bucketName("my-bucket")))).recordingConfiguration();

        assertThat(created.state()).isEqualTo(RecordingConfigurationState.CREATING);
        assertThat(created.arn()).matches("arn:aws:ivs:us-west-2:123456789012:recording-configuration/[A-Za-z0-9]{12}");
        Thread.sleep(400);
        assertThat(ivs.getRecordingConfiguration(b -> b.arn(created.arn())).recordingConfiguration().state())
                .isEqualTo(RecordingConfigurationState.ACTIVE);
    }

    @Test
    void create_noOptions_echoesDefaults(IvsClient ivs) {
        RecordingConfiguration created = ivs.createRecordingConfiguration(b -> b
                .destinationConfiguration(d -> d.s3(s -> s.bucketName("my-bucket")))).recordingConfiguration();

        assertThat(created.name()).isEmpty();
        assertThat(created.recordingReconnectWindowSeconds()).isZero();
        assertThat(created.thumbnailConfiguration().recordingMode()).isEqualTo(RecordingMode.INTERVAL);
        assertThat(created.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(60L);
        assertThat(created.thumbnailConfiguration().storage()).containsExactly(ThumbnailConfigurationStorage.SEQUENTIAL);
        assertThat(created.renditionConfiguration().renditionSelection())
                .isEqualTo(RenditionConfigurationRenditionSelection.ALL);
        assertThat(created.destinationConfiguration().s3().bucketName()).isEqualTo("my-bucket");
        assertThat(created.tags()).isEmpty();
    }

    @Test
    void create_allOptions_echoesThem(IvsClient ivs) {
        RecordingConfiguration created = ivs.createRecordingConfiguration(b -> b.name("full")
                .destinationConfiguration(d -> d.s3(s -> s.bucketName("my-bucket")))
                .recordingReconnectWindowSeconds(300)
                .thumbnailConfiguration(t -> t.recordingMode(RecordingMode.INTERVAL).targetIntervalSeconds(10L)
                        .resolution(ThumbnailConfigurationResolution.HD)
                        .storage(ThumbnailConfigurationStorage.SEQUENTIAL, ThumbnailConfigurationStorage.LATEST))
                .renditionConfiguration(r -> r.renditionSelection(RenditionConfigurationRenditionSelection.CUSTOM)
                        .renditions(RenditionConfigurationRendition.HD, RenditionConfigurationRendition.SD))
                .tags(Map.of("env", "test"))).recordingConfiguration();

        RecordingConfiguration fetched = ivs.getRecordingConfiguration(b -> b.arn(created.arn())).recordingConfiguration();
        assertThat(fetched.recordingReconnectWindowSeconds()).isEqualTo(300);
        assertThat(fetched.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(10L);
        assertThat(fetched.thumbnailConfiguration().resolution()).isEqualTo(ThumbnailConfigurationResolution.HD);
        assertThat(fetched.thumbnailConfiguration().storage()).hasSize(2);
        assertThat(fetched.renditionConfiguration().renditions())
                .containsExactly(RenditionConfigurationRendition.HD, RenditionConfigurationRendition.SD);
        assertThat(fetched.tags()).containsEntry("env", "test");
    }

    @Test
    void create_bucketRegisteredInOtherRegion_endsCreateFailed(IvsClient ivs) throws InterruptedException {
        IVS.emulator().admin().registerBucket("eu-bucket", "eu-west-1");
        IVS.emulator().admin().registerBucket("us-bucket", "us-west-2");

        String failing = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("eu-bucket")))).recordingConfiguration().arn();
        String working = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("us-bucket")))).recordingConfiguration().arn();

        Thread.sleep(400);
        assertThat(ivs.getRecordingConfiguration(b -> b.arn(failing)).recordingConfiguration().state())
                .isEqualTo(RecordingConfigurationState.CREATE_FAILED);
        assertThat(ivs.getRecordingConfiguration(b -> b.arn(working)).recordingConfiguration().state())
                .isEqualTo(RecordingConfigurationState.ACTIVE);
    }

    @Test
    void delete_usedByChannel_conflictUntilDetached(IvsClient ivs) {
        String arn = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(
                d -> d.s3(s -> s.bucketName("my-bucket")))).recordingConfiguration().arn();
        String channel = ivs.createChannel(b -> b.recordingConfigurationArn(arn)).channel().arn();

        assertThatThrownBy(() -> ivs.deleteRecordingConfiguration(b -> b.arn(arn)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

        ivs.updateChannel(b -> b.arn(channel).recordingConfigurationArn(""));
        ivs.deleteRecordingConfiguration(b -> b.arn(arn));
        assertThatThrownBy(() -> ivs.getRecordingConfiguration(b -> b.arn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void list_summaries_haveStateAndDestination(IvsClient ivs) {
        ivs.createRecordingConfiguration(b -> b.name("a").destinationConfiguration(d -> d.s3(s -> s.bucketName("bucket-a"))));

        var summaries = ivs.listRecordingConfigurations(b -> { }).recordingConfigurations();

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("a");
            assertThat(s.state()).isNotNull();
            assertThat(s.destinationConfiguration().s3().bucketName()).isEqualTo("bucket-a");
        });
    }
}
