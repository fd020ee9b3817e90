package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.CreateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh of IVS RealTime resources costs one call per resource, the fewest the API allows: IVS RealTime has no
 * batch reads, ListStages says neither where a stage records nor its endpoints, and ListIngestConfigurations gives no
 * stream keys or tags; each Get answers with everything, tags included.
 */
class RealTimeRefreshTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private record Created(ResourceHarness type, Map<String, Object> inputs, CreateResult result) {
    }

    @Test
    void read_manyStagesIngestConfigurationsAndPublicKeys_oneGetEachAndNothingElse() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        String storage = IVS.realTimeClient().createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants")))
                .storageConfiguration().arn();
        var created = new ArrayList<Created>();
        for (int i = 0; i < 8; i++) {
            var stage = new ResourceHarness(provider, StageResource.TOKEN, "stage" + i);
            var stageInputs = stage.check(Map.of("name", "stage" + i, "tags", Map.of("team", "video"),
                    "autoParticipantRecordingConfiguration", Map.of("storageConfigurationArn", storage)));
            var createdStage = stage.create(stageInputs);
            created.add(new Created(stage, stageInputs, createdStage));
            var ingest = new ResourceHarness(provider, IngestConfigurationResource.TOKEN, "encoder" + i);
            var ingestInputs = ingest.check(Map.of("stageArn", createdStage.id(), "tags", Map.of("team", "video")));
            created.add(new Created(ingest, ingestInputs, ingest.create(ingestInputs)));
        }
        for (int i = 0; i < 3; i++) {
            var key = new ResourceHarness(provider, PublicKeyResource.TOKEN, "key" + i);
            var keyInputs = key.check(Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem()));
            created.add(new Created(key, keyInputs, key.create(keyInputs)));
        }
        IVS.emulator().admin().resetRequestCounts();

        List<Boolean> clean = created.stream().map(c -> {
            var read = c.type().read(c.result().id(), c.inputs(), c.result().outputs());
            return !c.type().diff(c.result().id(), read.inputs(), read.outputs(), c.inputs()).hasChanges();
        }).toList();

        assertThat(clean).as("every refreshed resource diffs clean").containsOnly(true);
        assertThat(IVS.emulator().admin().requestCounts())
                .isEqualTo(Map.of("GetStage", 8L, "GetIngestConfiguration", 8L, "GetPublicKey", 3L));
    }
}
