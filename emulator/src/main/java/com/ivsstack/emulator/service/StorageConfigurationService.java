package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.bucketName;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;

/** IVS RealTime storage configurations: Create/Get/List/DeleteStorageConfiguration. */
public final class StorageConfigurationService {
    static final int RATE = 5;

    static final StructureShape CREATE = structure()
            .optional("name", name())
            .required("s3", structure().required("bucketName", bucketName()))
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("storage-configuration"));
    static final StructureShape LIST = structure()
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "CreateStorageConfiguration", 200, RATE, CREATE, this::create);
        registry.read(REALTIME, "GetStorageConfiguration", RATE, GET, this::get);
        registry.read(REALTIME, "ListStorageConfigurations", RATE, LIST, this::listConfigurations);
        registry.write(REALTIME, "DeleteStorageConfiguration", 200, RATE, GET, this::delete);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        String arn = context.newArn(StoredResourceType.STORAGE_CONFIGURATION);
        ObjectNode configuration = JsonDocuments.object();
        configuration.put("arn", arn);
        configuration.put("name", JsonDocuments.text(input, "name", ""));
        configuration.set("s3", input.get("s3").deepCopy());
        configuration.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.STORAGE_CONFIGURATION, arn, configuration, JsonDocuments.object());
        ObjectNode response = JsonDocuments.object();
        response.set("storageConfiguration", configuration.deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.STORAGE_CONFIGURATION, input, "storageConfiguration");
    }

    private JsonNode listConfigurations(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.STORAGE_CONFIGURATION, input, "storageConfigurations", 100,
                r -> Resources.pick(r.document(), "arn", "name", "s3", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        Resources.require(context, StoredResourceType.STORAGE_CONFIGURATION, arn);
        CompositionService.activeCompositionUsing(context, arn).ifPresent(composition -> {
            throw ApiException.conflict("Storage configuration " + arn + " is used by composition " + composition
                    + ": stop it (StopComposition) and wait until it has stopped, then delete");
        });
        context.store().list(StoredResourceType.STAGE, context.arnPrefix(StoredResourceType.STAGE),
                stage -> arn.equals(stage.document().path("autoParticipantRecordingConfiguration")
                        .path("storageConfigurationArn").asText())).stream().findFirst().ifPresent(stage -> {
                            throw ApiException.conflict("Storage configuration " + arn + " is where stage "
                                    + stage.arn() + " records its participants: point the stage elsewhere (UpdateStage "
                                    + "with another storageConfigurationArn, or \"\" to stop recording), then delete");
                        });
        context.store().remove(StoredResourceType.STORAGE_CONFIGURATION, arn);
        return JsonDocuments.object();
    }
}
