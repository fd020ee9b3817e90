package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stage and the storage configuration it records to, in the order the engine runs them: a replaced storage
 * configuration is created, the stage moves to it (an update), and only then is the old one deleted. A storage
 * configuration a stage still records to (one the stack does not manage) is never taken from it: its delete fails,
 * naming the stage.
 */
class StageRecordingOrderTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;
    private ResourceHarness storage;
    private ResourceHarness stage;

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        storage = new ResourceHarness(provider, StorageConfigurationResource.TOKEN, "participant-recordings");
        stage = new ResourceHarness(provider, StageResource.TOKEN, "studio");
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private Map<String, Object> recordingTo(String storageArn) {
        return stage.check(Map.of("name", "studio", "autoParticipantRecordingConfiguration",
                Map.of("storageConfigurationArn", storageArn, "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL"))));
    }

    @Test
    void replaceStorageConfiguration_inTheEnginesOrder_movesTheStageBeforeTheOldOneIsDeleted(IvsRealTimeClient realTime) {
        var oldInputs = storage.check(Map.of("s3", Map.of("bucketName", "recordings-a")));
        var old = storage.create(oldInputs);
        var stageInputs = recordingTo(old.id());
        var created = stage.create(stageInputs);

        var replacement = storage.create(storage.check(Map.of("s3", Map.of("bucketName", "recordings-b"))));
        var moved = recordingTo(replacement.id());
        assertThat(stage.diff(created.id(), stageInputs, created.outputs(), moved).requiresReplacement())
                .as("the stage follows in place").isFalse();
        stage.update(created.id(), stageInputs, created.outputs(), moved);
        storage.delete(old.id(), oldInputs, old.outputs());

        assertThat(storage.read(old.id(), oldInputs, old.outputs()).exists()).isFalse();
        assertThat(realTime.getStage(b -> b.arn(created.id())).stage().autoParticipantRecordingConfiguration()
                .storageConfigurationArn()).isEqualTo(replacement.id());
    }

    @Test
    void deleteStorageConfiguration_aStageStillRecordsToIt_isRefusedNamingTheStage_andTheStageKeepsRecording(
            IvsRealTimeClient realTime) {
        var inputs = storage.check(Map.of("s3", Map.of("bucketName", "recordings-a")));
        var created = storage.create(inputs);
        String outside = realTime.createStage(b -> b.autoParticipantRecordingConfiguration(r -> r
                .storageConfigurationArn(created.id()))).stage().arn();

        assertThatThrownBy(() -> storage.delete(created.id(), inputs, created.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("deleting IVS StorageConfiguration (" + created.id() + "): ")
                .hasMessageContaining("Stage(s) " + outside + " record their participants to it. Point their "
                        + "autoParticipantRecordingConfiguration.storageConfigurationArn at another storage configuration");
        assertThat(realTime.getStage(b -> b.arn(outside)).stage().autoParticipantRecordingConfiguration()
                .storageConfigurationArn()).isEqualTo(created.id());
        assertThat(storage.read(created.id(), inputs, created.outputs()).exists()).isTrue();
    }
}
