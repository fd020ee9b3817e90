package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.integerAtLeast;
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
import com.ivsstack.emulator.validation.StringShape;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IVS RealTime compositions: Start/Get/List/StopComposition. A composition is STARTING for the activation delay,
 * then ACTIVE; StopComposition makes it STOPPED, and it stays listed (with its endTime) like on the service.
 */
public final class CompositionService {
    static final int RATE = 5;
    private static final String ACTIVE_AT = "activeAtEpochMillis";
    private static final String TOKEN = "idempotencyToken";
    private static final Set<String> FINISHED = Set.of("STOPPED", "FAILED");
    /** The emulator's choice for the undocumented PiP default: a quarter of the composition's width. */
    private static final int PIP_FRACTION_OF_WIDTH = 4;

    private static StructureShape gridLayout() {
        return structure()
                .optional("featuredParticipantAttribute", attributeKey())
                .optional("omitStoppedVideo", bool())
                .optional("videoAspectRatio", enumOf("AUTO", "VIDEO", "SQUARE", "PORTRAIT"))
                .optional("videoFillMode", enumOf("FILL", "COVER", "CONTAIN"))
                .optional("gridGap", integerAtLeast(0))
                .optional("participantOrderAttribute", attributeKey());
    }

    private static StructureShape pipLayout() {
        return structure()
                .optional("featuredParticipantAttribute", attributeKey())
                .optional("omitStoppedVideo", bool())
                .optional("videoFillMode", enumOf("FILL", "COVER", "CONTAIN"))
                .optional("gridGap", integerAtLeast(0))
                .optional("pipParticipantAttribute", attributeKey())
                .optional("pipBehavior", enumOf("STATIC", "DYNAMIC"))
                .optional("pipOffset", integerAtLeast(0))
                .optional("pipPosition", enumOf("TOP_LEFT", "TOP_RIGHT", "BOTTOM_LEFT", "BOTTOM_RIGHT"))
                .optional("pipWidth", integerAtLeast(1))
                .optional("pipHeight", integerAtLeast(1))
                .optional("participantOrderAttribute", attributeKey());
    }

    private static StringShape attributeKey() {
        return string().length(0, 128).pattern("^[a-zA-Z0-9-_]*$");
    }

    static final StructureShape START = structure()
            .required("stageArn", arn("stage"))
            .optional("idempotencyToken", string().length(1, 64).pattern("^[a-zA-Z0-9-_]*$"))
            .optional("layout", structure().optional("grid", gridLayout()).optional("pip", pipLayout()))
            .required("destinations", Shapes.list(structure()
                    .optional("name", name())
                    .optional("channel", structure()
                            .required("channelArn", arn("channel"))
                            .optional("encoderConfigurationArn", arn("encoder-configuration")))
                    .optional("s3", structure()
                            .required("storageConfigurationArn", arn("storage-configuration"))
                            .required("encoderConfigurationArns",
                                    Shapes.list(arn("encoder-configuration")).size(1, 1))
                            .optional("recordingConfiguration", structure()
                                    .optional("hlsConfiguration", structure()
                                            .optional("targetSegmentDurationSeconds", integer(2, 10)))
                                    .optional("format", enumOf("HLS")))
                            .optional("thumbnailConfigurations", Shapes.list(structure()
                                    .optional("targetIntervalSeconds", integer(1, 86400))
                                    .optional("storage", Shapes.list(enumOf("SEQUENTIAL", "LATEST")).size(0, 2)))
                                    .size(0, 1)))).size(1, 2))
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("composition"));
    static final StructureShape LIST = structure()
            .optional("filterByStageArn", arn("stage"))
            .optional("filterByEncoderConfigurationArn", arn("encoder-configuration"))
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "StartComposition", 200, RATE, START, this::start);
        registry.read(REALTIME, "GetComposition", RATE, GET, this::get);
        registry.read(REALTIME, "ListCompositions", RATE, LIST, this::listCompositions);
        registry.write(REALTIME, "StopComposition", 200, RATE, GET, this::stop);
    }

    /** The first composition that is not yet stopped and uses {@code arn} (stage, encoder or storage config). */
    static Optional<String> activeCompositionUsing(RequestContext context, String arn) {
        return context.store().list(StoredResourceType.COMPOSITION, context.arnPrefix(StoredResourceType.COMPOSITION),
                        c -> !FINISHED.contains(c.document().get("state").asText()) && uses(c.document(), arn))
                .stream().map(StoredResource::arn).findFirst();
    }

    private static boolean uses(JsonNode composition, String arn) {
        if (arn.equals(composition.get("stageArn").asText())) {
            return true;
        }
        for (JsonNode destination : composition.get("destinations")) {
            JsonNode configuration = destination.get("configuration");
            if (arn.equals(configuration.path("channel").path("encoderConfigurationArn").asText())
                    || arn.equals(configuration.path("s3").path("storageConfigurationArn").asText())) {
                return true;
            }
            for (JsonNode encoder : configuration.path("s3").path("encoderConfigurationArns")) {
                if (arn.equals(encoder.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode start(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        int channels = 0;
        int buckets = 0;
        JsonNode destinations = input.get("destinations");
        for (int i = 0; i < destinations.size(); i++) {
            boolean channel = destinations.get(i).hasNonNull("channel");
            boolean s3 = destinations.get(i).hasNonNull("s3");
            if (channel == s3) {
                errors.add("Value at 'destinations[" + i + "]' failed to satisfy constraint: a destination has "
                        + "exactly one of channel or s3");
            }
            channels += channel ? 1 : 0;
            buckets += s3 ? 1 : 0;
        }
        if (channels > 1 || buckets > 1) {
            errors.add("Value at 'destinations' failed to satisfy constraint: a composition has one destination "
                    + "(channel or s3) or two (one channel and one s3)");
        }
        RequestValidator.fail(errors);

        String stageArn = input.get("stageArn").asText();
        Resources.require(context, StoredResourceType.STAGE, stageArn);
        String token = JsonDocuments.text(input, TOKEN, null);
        if (token != null) {
            Optional<StoredResource> earlier = context.store().list(StoredResourceType.COMPOSITION,
                    context.arnPrefix(StoredResourceType.COMPOSITION),
                    c -> token.equals(c.internal().path(TOKEN).asText(null))).stream().findFirst();
            if (earlier.isPresent()) {
                return wrap(render(earlier.get(), context));
            }
        }
        for (JsonNode destination : destinations) {
            JsonNode channel = destination.get("channel");
            if (channel != null && !channel.isNull()) {
                String channelArn = channel.get("channelArn").asText();
                Resources.require(context, StoredResourceType.CHANNEL, channelArn);
                if (context.store().liveStream(channelArn).isPresent()) {
                    throw ApiException.conflict("Channel " + channelArn + " is live; a composition needs an "
                            + "offline channel");
                }
                if (channel.hasNonNull("encoderConfigurationArn")) {
                    Resources.require(context, StoredResourceType.ENCODER_CONFIGURATION,
                            channel.get("encoderConfigurationArn").asText());
                }
            }
            JsonNode s3 = destination.get("s3");
            if (s3 != null && !s3.isNull()) {
                Resources.require(context, StoredResourceType.STORAGE_CONFIGURATION, s3.get("storageConfigurationArn").asText());
                for (JsonNode encoder : s3.get("encoderConfigurationArns")) {
                    Resources.require(context, StoredResourceType.ENCODER_CONFIGURATION, encoder.asText());
                }
            }
        }

        String arn = context.newArn(StoredResourceType.COMPOSITION);
        String compositionId = arn.substring(arn.lastIndexOf('/') + 1);
        String startTime = JsonDocuments.timestamp(context.now());
        ObjectNode composition = JsonDocuments.object();
        composition.put("arn", arn);
        composition.put("stageArn", stageArn);
        composition.put("state", "STARTING");
        composition.set("layout", layout(input.path("layout"), compositionSize(context, destinations)));
        ArrayNode rendered = composition.putArray("destinations");
        for (JsonNode destination : destinations) {
            ObjectNode entry = rendered.addObject();
            entry.put("id", Ids.random(12));
            entry.put("state", "STARTING");
            entry.put("startTime", startTime);
            ObjectNode configuration = destination.deepCopy();
            if (!configuration.hasNonNull("name")) {
                configuration.put("name", "");
            }
            if (configuration.hasNonNull("s3")) {
                ObjectNode s3 = (ObjectNode) configuration.get("s3");
                ObjectNode recording = s3.hasNonNull("recordingConfiguration")
                        ? (ObjectNode) s3.get("recordingConfiguration") : s3.putObject("recordingConfiguration");
                if (!recording.hasNonNull("format")) {
                    recording.put("format", "HLS");
                }
                ObjectNode hls = recording.hasNonNull("hlsConfiguration")
                        ? (ObjectNode) recording.get("hlsConfiguration") : recording.putObject("hlsConfiguration");
                if (!hls.hasNonNull("targetSegmentDurationSeconds")) {
                    hls.put("targetSegmentDurationSeconds", 2);
                }
                s3.set("thumbnailConfigurations", thumbnailConfigurations(s3.path("thumbnailConfigurations")));
                entry.putObject("detail").putObject("s3").put("recordingPrefix", compositionId + "/composite");
            }
            entry.set("configuration", configuration);
        }
        composition.set("tags", Resources.tags(input));
        composition.put("startTime", startTime);
        ObjectNode internal = JsonDocuments.object();
        internal.put(ACTIVE_AT, context.now().plus(context.settings().activationDelay()).toEpochMilli());
        if (token != null) {
            internal.put(TOKEN, token);
        }
        StoredResource resource = context.store().add(StoredResourceType.COMPOSITION, arn, composition, internal);
        return wrap(render(resource, context));
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return wrap(render(Resources.require(context, StoredResourceType.COMPOSITION, input.get("arn").asText()), context));
    }

    private JsonNode listCompositions(RequestContext context, ObjectNode input) {
        String stage = JsonDocuments.text(input, "filterByStageArn", null);
        String encoder = JsonDocuments.text(input, "filterByEncoderConfigurationArn", null);
        List<StoredResource> matching = context.store().list(StoredResourceType.COMPOSITION,
                context.arnPrefix(StoredResourceType.COMPOSITION),
                c -> (stage == null || stage.equals(c.document().get("stageArn").asText()))
                        && (encoder == null || uses(c.document(), encoder)));
        return Resources.listResponse("compositions", Pagination.page(matching, StoredResource::sequence, input, 100),
                c -> {
                    ObjectNode full = render(c, context);
                    ObjectNode summary = Resources.pick(full, "arn", "stageArn", "state", "tags", "startTime", "endTime");
                    ArrayNode destinations = summary.putArray("destinations");
                    full.get("destinations").forEach(d -> destinations.add(
                            Resources.pick(d, "id", "state", "startTime", "endTime")));
                    return summary;
                });
    }

    private JsonNode stop(RequestContext context, ObjectNode input) {
        StoredResource composition = Resources.require(context, StoredResourceType.COMPOSITION, input.get("arn").asText());
        ObjectNode document = composition.document();
        if (!FINISHED.contains(document.get("state").asText())) {
            String endTime = JsonDocuments.timestamp(context.now());
            document.put("state", "STOPPED");
            document.put("endTime", endTime);
            for (JsonNode destination : document.get("destinations")) {
                ((ObjectNode) destination).put("state", "STOPPED");
                ((ObjectNode) destination).put("endTime", endTime);
            }
        }
        return JsonDocuments.object();
    }

    /** The composition as the service shows it now: STARTING turns ACTIVE once the activation delay is over. */
    private static ObjectNode render(StoredResource resource, RequestContext context) {
        ObjectNode document = resource.document().deepCopy();
        if ("STARTING".equals(document.get("state").asText())
                && context.now().toEpochMilli() >= resource.internal().path(ACTIVE_AT).asLong()) {
            document.put("state", "ACTIVE");
            for (JsonNode destination : document.get("destinations")) {
                ((ObjectNode) destination).put("state", "ACTIVE");
            }
        }
        return document;
    }

    /**
     * The layout the service answers: the one that was given ({@code grid} when none was), with its documented
     * defaults. The PiP window's default size depends on the composition's size, which is that of its encoder
     * configuration; the participant's video is taken as 16:9, since none has joined at the start.
     */
    private static ObjectNode layout(JsonNode input, VideoSize composition) {
        ObjectNode layout = JsonDocuments.object();
        boolean pipGiven = input.hasNonNull("pip");
        if (input.hasNonNull("grid") || !pipGiven) {
            ObjectNode grid = layout.putObject("grid");
            grid.put("featuredParticipantAttribute", "");
            grid.put("omitStoppedVideo", false);
            grid.put("videoAspectRatio", "VIDEO");
            grid.put("gridGap", 2);
            grid.put("participantOrderAttribute", "");
            if (input.hasNonNull("grid")) {
                grid.setAll((ObjectNode) input.get("grid").deepCopy());
            }
        }
        if (pipGiven) {
            ObjectNode pip = layout.putObject("pip");
            pip.put("featuredParticipantAttribute", "");
            pip.put("omitStoppedVideo", false);
            pip.put("videoFillMode", "COVER");
            pip.put("gridGap", 0);
            pip.put("pipParticipantAttribute", "");
            pip.put("pipBehavior", "STATIC");
            pip.put("pipOffset", 0);
            pip.put("pipPosition", "BOTTOM_RIGHT");
            int pipWidth = input.get("pip").path("pipWidth").asInt(composition.width() / PIP_FRACTION_OF_WIDTH);
            pip.put("pipWidth", pipWidth);
            pip.put("pipHeight", pipWidth * 9 / 16);
            pip.put("participantOrderAttribute", "");
            pip.setAll((ObjectNode) input.get("pip").deepCopy());
        }
        return layout;
    }

    /** The S3 thumbnail configurations with their defaults; when the list is not sent: one, every 60 s, SEQUENTIAL. */
    private static ArrayNode thumbnailConfigurations(JsonNode given) {
        ArrayNode configurations = JsonDocuments.array();
        JsonNode items = given.isArray() ? given : JsonDocuments.array().add(JsonDocuments.object());
        for (JsonNode item : items) {
            ObjectNode configuration = configurations.addObject();
            configuration.put("targetIntervalSeconds", item.path("targetIntervalSeconds").asInt(60));
            configuration.set("storage", item.hasNonNull("storage") ? item.get("storage").deepCopy()
                    : JsonDocuments.array().add("SEQUENTIAL"));
        }
        return configurations;
    }

    /** The size of the composed video: that of the first encoder configuration named, or the encoders' default. */
    private static VideoSize compositionSize(RequestContext context, JsonNode destinations) {
        for (JsonNode destination : destinations) {
            String encoder = destination.path("channel").path("encoderConfigurationArn").asText(
                    destination.path("s3").path("encoderConfigurationArns").path(0).asText(""));
            if (!encoder.isEmpty()) {
                JsonNode video = Resources.require(context, StoredResourceType.ENCODER_CONFIGURATION, encoder)
                        .document().get("video");
                return new VideoSize(video.get("width").asInt(), video.get("height").asInt());
            }
        }
        return EncoderConfigurationService.DEFAULT_SIZE;
    }

    private static ObjectNode wrap(ObjectNode composition) {
        ObjectNode response = JsonDocuments.object();
        response.set("composition", composition);
        return response;
    }
}
