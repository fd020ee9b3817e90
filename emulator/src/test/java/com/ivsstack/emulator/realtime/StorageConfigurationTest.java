package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;

class StorageConfigurationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void create_thenGetListDelete_roundTrip(IvsRealTimeClient rt) {
        StorageConfiguration created = rt.createStorageConfiguration(b -> b.name("store")
                .s3(s -> s.bucketName("recordings"))).storageConfiguration();

        assertThat(created.arn()).matches("arn:aws:ivs:us-west-2:123456789012:storage-configuration/[A-Za-z0-9]{12}");
        assertThat(created.s3().bucketName()).isEqualTo("recordings");
        assertThat(rt.getStorageConfiguration(b -> b.arn(created.arn())).storageConfiguration()).isEqualTo(created);
        assertThat(rt.listStorageConfigurations(b -> { }).storageConfigurations()).singleElement()
                .satisfies(s -> assertThat(s.s3().bucketName()).isEqualTo("recordings"));

        rt.deleteStorageConfiguration(b -> b.arn(created.arn()));

        assertThatThrownBy(() -> rt.getStorageConfiguration(b -> b.arn(created.arn())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteStorageConfiguration_stageRecordsToIt_conflictUntilTheStageMovesAway(IvsRealTimeClient rt) {
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        String other = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("elsewhere")))
                .storageConfiguration().arn();
        String stage = rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(storage)))
                .stage().arn();

        assertThatThrownBy(() -> rt.deleteStorageConfiguration(b -> b.arn(storage)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409))
                .hasMessageContaining(stage);

        rt.updateStage(b -> b.arn(stage).autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(other)));
        rt.deleteStorageConfiguration(b -> b.arn(storage));
        assertThat(rt.listStorageConfigurations(b -> { }).storageConfigurations()).hasSize(1);
    }
}
