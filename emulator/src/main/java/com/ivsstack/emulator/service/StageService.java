package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.arnOrEmpty;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.map;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.Shapes;
import com.ivsstack.emulator.validation.StructureShape;
import java.time.Duration;
import java.util.List;

/**
 * IVS RealTime stages: Create/Get/List/Update/DeleteStage and CreateParticipantToken. A stage shows its
 * {@code activeSessionId} while a session is in progress (see {@link StageSessions}).
 */
public final class StageService {
    static final int RATE = 5;
    static final int TOKEN_RATE = 50;
    private static final int DEFAULT_THUMBNAIL_INTERVAL = 60;

    private static final StructureShape AUTO_RECORDING = structure()
            .required("storageConfigurationArn", arnOrEmpty("storage-configuration"))
            .optional("mediaTypes", Shapes.list(enumOf("AUDIO_VIDEO", "AUDIO_ONLY", "NONE")).size(0, 1))
            .optional("thumbnailConfiguration", structure()
                    .optional("targetIntervalSeconds", integer(1, 86400))
                    .optional("storage", Shapes.list(enumOf("SEQUENTIAL", "LATEST")).size(0, 2))
                    .optional("recordingMode", enumOf("INTERVAL", "DISABLED")))
            .optional("recordingReconnectWindowSeconds", integer(0, 300))
            .optional("hlsConfiguration", structure().optional("targetSegmentDurationSeconds", integer(2, 10)))
            .optional("recordParticipantReplicas", bool());

    private static StructureShape participantTokenConfiguration() {
        return structure()
                .optional("duration", integer(1, 20160))
                .optional("userId", string().length(0, 128))
                .optional("attributes", map(string(), string()))
                .optional("capabilities", Shapes.list(enumOf("PUBLISH", "SUBSCRIBE")).size(0, 2));
    }

    static final StructureShape CREATE = structure()
            .optional("name", name())
            .optional("participantTokenConfigurations", Shapes.list(participantTokenConfiguration()).size(0, 12))
            .optional("tags", tags())
            .optional("autoParticipantRecordingConfiguration", AUTO_RECORDING);
    static final StructureShape GET = structure().required("arn", arn("stage"));
    static final StructureShape UPDATE = structure()
            .required("arn", arn("stage"))
            .optional("name", name())
            .optional("autoParticipantRecordingConfiguration", AUTO_RECORDING);
    static final StructureShape LIST = structure()
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));
    static final StructureShape CREATE_TOKEN = participantTokenConfiguration().required("stageArn", arn("stage"));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "CreateStage", 200, RATE, CREATE, this::create);
        registry.read(REALTIME, "GetStage", RATE, GET, this::get);
        registry.read(REALTIME, "ListStages", RATE, LIST, this::listStages);
        registry.write(REALTIME, "UpdateStage", 200, RATE, UPDATE, this::update);
        registry.write(REALTIME, "DeleteStage", 200, RATE, GET, this::delete);
        registry.write(REALTIME, "CreateParticipantToken", 200, TOKEN_RATE, CREATE_TOKEN, this::createToken);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        JsonNode tokens = input.path("participantTokenConfigurations");
        for (int i = 0; i < tokens.size(); i++) {
            Resources.checkAttributesSize(tokens.get(i).get("attributes"),
                    "participantTokenConfigurations[" + i + "].attributes", errors);
        }
        checkThumbnailInterval(input.get("autoParticipantRecordingConfiguration"), errors);
        RequestValidator.fail(errors);
        ObjectNode recording = autoRecording(context, input.get("autoParticipantRecordingConfiguration"));
        Resources.requireBelowQuota(context, StoredResourceType.STAGE, context.settings().maxStages(), "stages");
        String arn = context.newArn(StoredResourceType.STAGE);
        ObjectNode stage = JsonDocuments.object();
        stage.put("arn", arn);
        stage.put("name", JsonDocuments.text(input, "name", ""));
        stage.set("tags", Resources.tags(input));
        stage.set("autoParticipantRecordingConfiguration", recording);
        ObjectNode endpoints = stage.putObject("endpoints");
        String label = Ids.endpointLabel();
        endpoints.put("events", "wss://global.events.live-video.net");
        endpoints.put("whip", "https://" + label + ".global-bm.whip.live-video.net");
        endpoints.put("rtmp", "rtmp://" + label + ".global-contribute-staging.live-video.net/app/");
        endpoints.put("rtmps", "rtmps://" + label + ".global-contribute-staging.live-video.net:443/app/");
        context.store().add(StoredResourceType.STAGE, arn, stage, JsonDocuments.object());

        ObjectNode response = JsonDocuments.object();
        response.set("stage", stage.deepCopy());
        ArrayNode participantTokens = response.putArray("participantTokens");
        for (JsonNode configuration : tokens) {
            participantTokens.add(participantToken(context, configuration));
        }
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return wrap(render(Resources.require(context, StoredResourceType.STAGE, input.get("arn").asText())));
    }

    private JsonNode listStages(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.STAGE, input, "stages", 50,
                r -> Resources.pick(render(r), "arn", "name", "activeSessionId", "tags"));
    }

    /** The recording settings cannot change while a participant is being recorded (409). */
    private JsonNode update(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        checkThumbnailInterval(input.get("autoParticipantRecordingConfiguration"), errors);
        RequestValidator.fail(errors);
        StoredResource stage = Resources.require(context, StoredResourceType.STAGE, input.get("arn").asText());
        ObjectNode recording = input.hasNonNull("autoParticipantRecordingConfiguration")
                ? autoRecording(context, input.get("autoParticipantRecordingConfiguration")) : null;
        if (recording != null && StageSessions.of(stage).recording()) {
            throw ApiException.conflict("Stage " + stage.arn() + " is recording participants of its session "
                    + StageSessions.of(stage).active().orElseThrow().get("sessionId").asText() + ": its "
                    + "autoParticipantRecordingConfiguration can change once they have left");
        }
        if (input.hasNonNull("name")) {
            stage.document().put("name", input.get("name").asText());
        }
        if (recording != null) {
            stage.document().set("autoParticipantRecordingConfiguration", recording);
        }
        return wrap(render(stage));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        StoredResource stage = Resources.require(context, StoredResourceType.STAGE, arn);
        CompositionService.activeCompositionUsing(context, arn).ifPresent(composition -> {
            throw ApiException.conflict("Stage " + arn + " has the active composition " + composition
                    + ": stop it (StopComposition) first");
        });
        // "Shuts down and deletes the stage (disconnecting all participants)" and takes it out of its ingest
        // configurations, as the service documents.
        StageSessions.of(stage).disconnectAll(context);
        IngestConfigurationService.detachStage(context, arn);
        context.store().remove(StoredResourceType.STAGE, arn);
        return JsonDocuments.object();
    }

    private JsonNode createToken(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        Resources.checkAttributesSize(input.get("attributes"), "attributes", errors);
        RequestValidator.fail(errors);
        Resources.require(context, StoredResourceType.STAGE, input.get("stageArn").asText());
        ObjectNode response = JsonDocuments.object();
        response.set("participantToken", participantToken(context, input));
        return response;
    }

    /** The Stage document as the service shows it now: with its session in progress, if any. */
    private static ObjectNode render(StoredResource stage) {
        ObjectNode document = stage.document().deepCopy();
        StageSessions.of(stage).active().ifPresent(s -> document.put("activeSessionId", s.get("sessionId").asText()));
        return document;
    }

    private static ObjectNode wrap(ObjectNode stage) {
        ObjectNode response = JsonDocuments.object();
        response.set("stage", stage);
        return response;
    }

    /**
     * "targetIntervalSeconds is configurable only if recordingMode is INTERVAL": an interval other than the default
     * needs that mode (the default itself is accepted back, since the service returns it with DISABLED).
     */
    private static void checkThumbnailInterval(JsonNode recording, List<String> errors) {
        JsonNode thumbnails = recording == null ? null : recording.get("thumbnailConfiguration");
        if (thumbnails != null && thumbnails.hasNonNull("targetIntervalSeconds")
                && thumbnails.get("targetIntervalSeconds").asInt() != DEFAULT_THUMBNAIL_INTERVAL
                && !"INTERVAL".equals(thumbnails.path("recordingMode").asText())) {
            errors.add("Value '" + thumbnails.get("targetIntervalSeconds").asText() + "' at "
                    + "'autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds' failed to "
                    + "satisfy constraint: it can be set only when recordingMode is INTERVAL");
        }
    }

    /**
     * The auto-recording settings with the documented defaults; the storage configuration must exist. An empty
     * storage configuration ARN turns recording off and, as documented, resets every other member to its default.
     */
    private static ObjectNode autoRecording(RequestContext context, JsonNode input) {
        ObjectNode recording = JsonDocuments.object();
        String storage = input == null ? "" : input.get("storageConfigurationArn").asText();
        if (!storage.isEmpty()) {
            Resources.require(context, StoredResourceType.STORAGE_CONFIGURATION, storage);
        }
        recording.put("storageConfigurationArn", storage);
        JsonNode given = storage.isEmpty() ? JsonDocuments.object() : input;
        recording.set("mediaTypes", given.hasNonNull("mediaTypes") ? given.get("mediaTypes").deepCopy()
                : JsonDocuments.array().add("AUDIO_VIDEO"));
        ObjectNode thumbnails = recording.putObject("thumbnailConfiguration");
        JsonNode thumbnailInput = given.path("thumbnailConfiguration");
        thumbnails.put("targetIntervalSeconds",
                thumbnailInput.path("targetIntervalSeconds").asInt(DEFAULT_THUMBNAIL_INTERVAL));
        thumbnails.set("storage", thumbnailInput.hasNonNull("storage") ? thumbnailInput.get("storage").deepCopy()
                : JsonDocuments.array().add("SEQUENTIAL"));
        thumbnails.put("recordingMode", thumbnailInput.path("recordingMode").asText("DISABLED"));
        recording.put("recordingReconnectWindowSeconds", given.path("recordingReconnectWindowSeconds").asInt(0));
        recording.putObject("hlsConfiguration").put("targetSegmentDurationSeconds",
                given.path("hlsConfiguration").path("targetSegmentDurationSeconds").asInt(6));
        recording.put("recordParticipantReplicas", given.path("recordParticipantReplicas").asBoolean(true));
        return recording;
    }

    private static ObjectNode participantToken(RequestContext context, JsonNode configuration) {
        ObjectNode token = JsonDocuments.object();
        int duration = configuration.path("duration").asInt(720);
        token.put("participantId", Ids.random(12));
        token.put("token", "eyJhbGciOiJLTVMiLCJ0eXAiOiJKV1QifQ." + Ids.random(120) + "." + Ids.random(43));
        token.put("userId", JsonDocuments.text(configuration, "userId", ""));
        token.set("attributes", configuration.hasNonNull("attributes") ? configuration.get("attributes").deepCopy()
                : JsonDocuments.object());
        token.put("duration", duration);
        token.set("capabilities", configuration.hasNonNull("capabilities") ? configuration.get("capabilities").deepCopy()
                : JsonDocuments.array().add("PUBLISH").add("SUBSCRIBE"));
        token.put("expirationTime", JsonDocuments.timestamp(context.now().plus(Duration.ofMinutes(duration))));
        return token;
    }
}
