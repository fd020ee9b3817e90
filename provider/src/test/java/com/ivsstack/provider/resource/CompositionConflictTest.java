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

/** IVS refuses to delete encoder and storage configurations that a running composition uses; the error names it. */
class CompositionConflictTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void delete_usedByComposition_failsNamingTheComposition(IvsRealTimeClient realTime) {
        var encoder = new ResourceHarness(provider, EncoderConfigurationResource.TOKEN, "encoder");
        var storage = new ResourceHarness(provider, StorageConfigurationResource.TOKEN, "storage");
        var encoderInputs = encoder.check(Map.of("name", "enc"));
        var storageInputs = storage.check(Map.of("s3", Map.of("bucketName", "compositions")));
        var encoderCreated = encoder.create(encoderInputs);
        var storageCreated = storage.create(storageInputs);
        String stage = realTime.createStage(b -> b.name("stage")).stage().arn();
        String composition = realTime.startComposition(b -> b.stageArn(stage).destinations(d -> d.s3(s -> s
                .storageConfigurationArn(storageCreated.id())
                .encoderConfigurationArns(encoderCreated.id())))).composition().arn();

        assertThatThrownBy(() -> encoder.delete(encoderCreated.id(), encoderInputs, encoderCreated.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("deleting IVS EncoderConfiguration (" + encoderCreated.id() + "): ")
                .hasMessageContaining("used by composition(s) " + composition)
                .hasMessageContaining("StopComposition");
        assertThatThrownBy(() -> storage.delete(storageCreated.id(), storageInputs, storageCreated.outputs()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("deleting IVS StorageConfiguration (" + storageCreated.id() + "): ")
                .hasMessageContaining("used by composition(s) " + composition);

        realTime.stopComposition(b -> b.arn(composition));
        encoder.delete(encoderCreated.id(), encoderInputs, encoderCreated.outputs());
        storage.delete(storageCreated.id(), storageInputs, storageCreated.outputs());
        assertThat(encoder.read(encoderCreated.id(), encoderInputs, encoderCreated.outputs()).exists()).isFalse();
    }
}
