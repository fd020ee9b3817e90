package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.bucketName;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.list;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StructureShape;
import java.time.Instant;
import java.util.List;

/**
 * IVS recording configurations: Create/Get/List/DeleteRecordingConfiguration. A new one is CREATING for the
 * configured delay, then ACTIVE, or CREATE_FAILED when its bucket is registered in another region.
 */
public final class RecordingConfigurationService {
    static final int RATE = 3;
    private static final String ACTIVE_AT = "activeAtEpochMillis";
    private static final String FAILED = "bucketInOtherRegion";

    static final StructureShape CREATE = structure()
            .required("destinationConfiguration", structure()
                    .optional("s3", structure().required("bucketName", bucketName())))
            .optional("name", name())
            .optional("recordingReconnectWindowSeconds", integer(0, 300))
            .optional("renditionConfiguration", structure()
                    .optional("renditionSelection", enumOf("ALL", "NONE", "CUSTOM"))
                    .optional("renditions", list(enumOf("SD", "HD", "FULL_HD", "LOWEST_RESOLUTION"))))
            .optional("tags", tags())
            .optional("thumbnailConfiguration", structure()
                    .optional("recordingMode", enumOf("DISABLED", "INTERVAL"))
                    .optional("resolution", enumOf("SD", "HD", "FULL_HD", "LOWEST_RESOLUTION"))
                    .optional("storage", list(enumOf("SEQUENTIAL", "LATEST")))
                    .optional("targetIntervalSeconds", integer(1, 60)));
    static final StructureShape GET = structure().required("arn", arn("recording-configuration").length(0, 128));
    static final StructureShape LIST = structure()
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());

    public void register(OperationRegistry registry) {
        registry.write(IVS, "CreateRecordingConfiguration", 200, RATE, CREATE, this::create);
        registry.read(IVS, "GetRecordingConfiguration", RATE, GET, this::get);
        registry.read(IVS, "ListRecordingConfigurations", RATE, LIST, this::listRecordingConfigurations);
        registry.write(IVS, "DeleteRecordingConfiguration", 204, RATE, GET, this::delete);
    }

    /** The API document with the state the configuration has at {@code now}. */
    public static ObjectNode render(StoredResource resource, Instant now) {
        ObjectNode document = resource.document().deepCopy();
        boolean created = now.toEpochMilli() >= resource.internal().path(ACTIVE_AT).asLong();
        document.put("state", !created ? "CREATING" : resource.internal().path(FAILED).asBoolean() ? "CREATE_FAILED" : "ACTIVE");
        return document;
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        JsonNode destination = input.get("destinationConfiguration");
        if (!destination.hasNonNull("s3")) {
            errors.add("Value null at 'destinationConfiguration.s3' failed to satisfy constraint: exactly one "
                    + "destination type must be given, and s3 is the only one");
        }
        JsonNode rendition = input.path("renditionConfiguration");
        if ("CUSTOM".equals(rendition.path("renditionSelection").asText())
                && rendition.path("renditions").size() == 0) {
            errors.add("Value null at 'renditionConfiguration.renditions' failed to satisfy constraint: renditions "
                    + "must list at least one rendition when renditionSelection is CUSTOM");
        }
        RequestValidator.fail(errors);

        String arn = context.newArn(StoredResourceType.RECORDING_CONFIGURATION);
        ObjectNode document = JsonDocuments.object();
        document.put("arn", arn);
        document.put("name", JsonDocuments.text(input, "name", ""));
        document.set("destinationConfiguration", destination.deepCopy());
        document.put("recordingReconnectWindowSeconds", input.path("recordingReconnectWindowSeconds").asInt(0));
        ObjectNode renditions = document.putObject("renditionConfiguration");
        renditions.put("renditionSelection", rendition.path("renditionSelection").asText("ALL"));
        if (rendition.has("renditions")) {
            renditions.set("renditions", rendition.get("renditions").deepCopy());
        }
        ObjectNode thumbnails = document.putObject("thumbnailConfiguration");
        JsonNode thumbnailInput = input.path("thumbnailConfiguration");
        thumbnails.put("recordingMode", thumbnailInput.path("recordingMode").asText("INTERVAL"));
        thumbnails.put("targetIntervalSeconds", thumbnailInput.path("targetIntervalSeconds").asLong(60));
        if (thumbnailInput.hasNonNull("resolution")) {
            thumbnails.put("resolution", thumbnailInput.get("resolution").asText());
        }
        if (thumbnailInput.hasNonNull("storage")) {
            thumbnails.set("storage", thumbnailInput.get("storage").deepCopy());
        } else {
            thumbnails.putArray("storage").add("SEQUENTIAL");
        }
        document.set("tags", Resources.tags(input));

        String bucket = destination.path("s3").path("bucketName").asText();
        ObjectNode internal = JsonDocuments.object();
        internal.put(ACTIVE_AT, context.now().plus(context.settings().activationDelay()).toEpochMilli());
        internal.put(FAILED, context.store().bucketRegion(bucket).map(r -> !r.equals(context.region())).orElse(false));
        StoredResource resource = context.store().add(StoredResourceType.RECORDING_CONFIGURATION, arn, document, internal);

        ObjectNode response = JsonDocuments.object();
        response.set("recordingConfiguration", render(resource, context.now()));
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        ObjectNode response = JsonDocuments.object();
        response.set("recordingConfiguration", render(
                Resources.require(context, StoredResourceType.RECORDING_CONFIGURATION, input.get("arn").asText()),
                context.now()));
        return response;
    }

    private JsonNode listRecordingConfigurations(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.RECORDING_CONFIGURATION, input, "recordingConfigurations", 100,
                r -> Resources.pick(render(r, context.now()), "arn", "name", "destinationConfiguration", "state", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        Resources.require(context, StoredResourceType.RECORDING_CONFIGURATION, arn);
        ChannelService.refuseWhileChannelsUse(context, "Recording configuration", "recordingConfigurationArn", arn);
        context.store().remove(StoredResourceType.RECORDING_CONFIGURATION, arn);
        return null;
    }
}
