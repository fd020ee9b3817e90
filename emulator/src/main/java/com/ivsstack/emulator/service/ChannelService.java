package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.arnOrEmpty;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.list;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;
import java.util.Set;

/** IVS channels: Create/Get/BatchGet/List/Update/DeleteChannel. */
public final class ChannelService {
    static final int RATE = 5;
    private static final Set<String> ADVANCED_TYPES = Set.of("ADVANCED_SD", "ADVANCED_HD");
    private static final String[] SUMMARY = {"arn", "authorized", "insecureIngest", "latencyMode", "name",
        "playbackRestrictionPolicyArn", "preset", "recordingConfigurationArn", "tags", "type"};
    private static final String[] SETTINGS = {"authorized", "containerFormat", "insecureIngest", "latencyMode",
        "name", "playbackRestrictionPolicyArn", "preset", "recordingConfigurationArn", "type"};

    private static final StructureShape MULTITRACK = structure()
            .optional("enabled", bool())
            .optional("maximumResolution", enumOf("SD", "HD", "FULL_HD"))
            .optional("policy", enumOf("ALLOW", "REQUIRE"));

    private static StructureShape channelSettings() {
        return structure()
                .optional("authorized", bool())
                .optional("containerFormat", enumOf("TS", "FRAGMENTED_MP4"))
                .optional("insecureIngest", bool())
                .optional("latencyMode", enumOf("NORMAL", "LOW"))
                .optional("multitrackInputConfiguration", MULTITRACK)
                .optional("name", name())
                .optional("playbackRestrictionPolicyArn", arnOrEmpty("playback-restriction-policy"))
                // "" is what the service itself returns for BASIC and STANDARD channels, so it is accepted back
                .optional("preset", enumOf("", "HIGHER_BANDWIDTH_DELIVERY", "CONSTRAINED_BANDWIDTH_DELIVERY"))
                .optional("recordingConfigurationArn", arnOrEmpty("recording-configuration"))
                .optional("type", enumOf("BASIC", "STANDARD", "ADVANCED_SD", "ADVANCED_HD"));
    }

    static final StructureShape CREATE = channelSettings().optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("channel"));
    static final StructureShape BATCH_GET = structure().required("arns", list(arn("channel")).size(1, 50));
    static final StructureShape UPDATE = channelSettings().required("arn", arn("channel"));
    static final StructureShape DELETE = GET;
    static final StructureShape LIST = structure()
            .optional("filterByName", name())
            .optional("filterByPlaybackRestrictionPolicyArn", arnOrEmpty("playback-restriction-policy"))
            .optional("filterByRecordingConfigurationArn", arnOrEmpty("recording-configuration"))
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());

    private final StreamKeyService streamKeys;

    public ChannelService(StreamKeyService streamKeys) {
        this.streamKeys = streamKeys;
    }

    public void register(OperationRegistry registry) {
        registry.write(IVS, "CreateChannel", 200, RATE, CREATE, this::create);
        registry.read(IVS, "GetChannel", RATE, GET, this::get);
        registry.read(IVS, "BatchGetChannel", RATE, BATCH_GET, this::batchGet);
        registry.read(IVS, "ListChannels", RATE, LIST, this::listChannels);
        registry.write(IVS, "UpdateChannel", 200, RATE, UPDATE, this::update);
        registry.write(IVS, "DeleteChannel", 204, RATE, DELETE, this::delete);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        checkMultitrackInput(input, errors);
        ObjectNode channel = defaults();
        applySettings(channel, input);
        checkCombination(channel, errors);
        RequestValidator.fail(errors);
        requireReferences(context, channel);

        String arn = context.newArn(StoredResourceType.CHANNEL);
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        String label = Ids.endpointLabel();
        channel.put("arn", arn);
        channel.put("ingestEndpoint", label + ".global-contribute.live-video.net");
        channel.put("playbackUrl", "https://" + label + "." + context.region() + ".playback.live-video.net/api/video/v1/"
                + context.region() + "." + context.accountId() + ".channel." + id + ".m3u8");
        ObjectNode srt = channel.putObject("srt");
        srt.put("endpoint", label + ".srt.live-video.net");
        srt.put("passphrase", Ids.srtPassphrase());
        channel.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.CHANNEL, arn, channel, JsonDocuments.object());

        ObjectNode response = JsonDocuments.object();
        response.set("channel", channel.deepCopy());
        response.set("streamKey", streamKeys.createKey(context, arn, JsonDocuments.object()).document().deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.CHANNEL, input, "channel");
    }

    private JsonNode batchGet(RequestContext context, ObjectNode input) {
        return Resources.batchGet(context, StoredResourceType.CHANNEL, input.get("arns"), "channels");
    }

    private JsonNode listChannels(RequestContext context, ObjectNode input) {
        List<String> filters = List.of("filterByName", "filterByPlaybackRestrictionPolicyArn",
                "filterByRecordingConfigurationArn");
        List<String> used = filters.stream().filter(input::hasNonNull).toList();
        if (used.size() > 1) {
            throw ApiException.conflict("The filters " + used + " are mutually exclusive: use only one per request");
        }
        String filter = used.isEmpty() ? null : used.get(0);
        String member = filter == null ? null
                : Character.toLowerCase(filter.charAt("filterBy".length())) + filter.substring("filterBy".length() + 1);
        String wanted = filter == null ? null : input.get(filter).asText();
        List<StoredResource> channels = context.store().list(StoredResourceType.CHANNEL,
                context.arnPrefix(StoredResourceType.CHANNEL),
                r -> member == null || wanted.equals(JsonDocuments.text(r.document(), member, "")));
        return Resources.listResponse("channels", Pagination.page(channels, StoredResource::sequence, input, 100),
                r -> Resources.pick(r.document(), SUMMARY));
    }

    private JsonNode update(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        List<String> errors = Resources.errors();
        checkMultitrackInput(input, errors);
        if (input.hasNonNull("type")) {
            // what the request alone decides is checked before the lookup; the rest after merging
            ObjectNode requested = defaults();
            applySettings(requested, input);
            checkCombination(requested, errors);
        }
        RequestValidator.fail(errors);
        StoredResource resource = Resources.require(context, StoredResourceType.CHANNEL, arn);
        if (context.store().liveStream(arn).isPresent()) {
            throw ApiException.conflict("Channel " + arn + " is live and cannot be updated: stop the stream "
                    + "(StopStream), wait for it to end, then update the channel");
        }
        ObjectNode updated = resource.document().deepCopy();
        String oldType = updated.get("type").asText();
        applySettings(updated, input);
        if (!input.hasNonNull("preset") && !oldType.equals(updated.get("type").asText())) {
            updated.put("preset", ADVANCED_TYPES.contains(updated.get("type").asText()) ? "HIGHER_BANDWIDTH_DELIVERY" : "");
        }
        checkCombination(updated, errors);
        RequestValidator.fail(errors);
        requireReferences(context, updated);
        resource.document().setAll(updated);
        ObjectNode response = JsonDocuments.object();
        response.set("channel", resource.document().deepCopy());
        return response;
    }

    /**
     * 409 while any channel refers to {@code arn} in {@code property} (a recording configuration, a playback
     * restriction policy): IVS refuses to delete what a channel uses.
     */
    static void refuseWhileChannelsUse(RequestContext context, String what, String property, String arn) {
        List<StoredResource> users = context.store().list(StoredResourceType.CHANNEL,
                context.arnPrefix(StoredResourceType.CHANNEL), c -> arn.equals(c.document().path(property).asText()));
        if (!users.isEmpty()) {
            throw ApiException.conflict(what + " " + arn + " is used by " + users.size() + " channel(s), e.g. "
                    + users.get(0).arn() + ": set their " + property + " to \"\" with UpdateChannel first");
        }
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, arn);
        if (context.store().liveStream(arn).isPresent()) {
            throw ApiException.conflict("Channel " + arn + " is live and cannot be deleted: call StopStream, wait "
                    + "for the stream to end, then DeleteChannel");
        }
        streamKeys.deleteKeysOf(context, arn);
        context.store().removeSessions(arn);
        context.store().remove(StoredResourceType.CHANNEL, arn);
        return null;
    }

    private static ObjectNode defaults() {
        ObjectNode channel = JsonDocuments.object();
        channel.put("arn", "");
        channel.put("authorized", false);
        channel.put("containerFormat", "TS");
        channel.put("insecureIngest", false);
        channel.put("latencyMode", "LOW");
        channel.set("multitrackInputConfiguration", multitrackDefaults());
        channel.put("name", "");
        channel.put("playbackRestrictionPolicyArn", "");
        channel.put("preset", "");
        channel.put("recordingConfigurationArn", "");
        channel.put("type", "STANDARD");
        return channel;
    }

    private static ObjectNode multitrackDefaults() {
        ObjectNode multitrack = JsonDocuments.object();
        multitrack.put("enabled", false);
        multitrack.put("maximumResolution", "FULL_HD");
        multitrack.put("policy", "ALLOW");
        return multitrack;
    }

    /** Copies the settings the request sends onto the channel; ADVANCED types get their default preset. */
    private static void applySettings(ObjectNode channel, JsonNode input) {
        for (String member : SETTINGS) {
            if (input.hasNonNull(member)) {
                channel.set(member, input.get(member).deepCopy());
            }
        }
        if (input.hasNonNull("multitrackInputConfiguration")) {
            ObjectNode multitrack = multitrackDefaults();
            multitrack.setAll((ObjectNode) input.get("multitrackInputConfiguration").deepCopy());
            channel.set("multitrackInputConfiguration", multitrack);
        }
        if (ADVANCED_TYPES.contains(channel.get("type").asText()) && channel.get("preset").asText().isEmpty()) {
            channel.put("preset", "HIGHER_BANDWIDTH_DELIVERY");
        }
    }

    /** "If enabled is true, then policy and maximumResolution are required." */
    private static void checkMultitrackInput(JsonNode input, List<String> errors) {
        JsonNode multitrack = input.get("multitrackInputConfiguration");
        if (multitrack != null && multitrack.path("enabled").asBoolean(false)) {
            for (String member : List.of("policy", "maximumResolution")) {
                if (!multitrack.hasNonNull(member)) {
                    errors.add("Value null at 'multitrackInputConfiguration." + member + "' failed to satisfy "
                            + "constraint: Member must not be null when multitrack input is enabled");
                }
            }
        }
    }

    /** The cross-field rules of the model's documentation. */
    private static void checkCombination(ObjectNode channel, List<String> errors) {
        String type = channel.get("type").asText();
        String preset = channel.get("preset").asText();
        if (!preset.isEmpty() && !ADVANCED_TYPES.contains(type)) {
            errors.add("Value '" + preset + "' at 'preset' failed to satisfy constraint: a preset is selectable only "
                    + "for ADVANCED_SD and ADVANCED_HD channels, and this channel's type is " + type);
        }
        JsonNode multitrack = channel.get("multitrackInputConfiguration");
        if (multitrack.path("enabled").asBoolean(false)) {
            if (!"STANDARD".equals(type)) {
                errors.add("Value 'true' at 'multitrackInputConfiguration.enabled' failed to satisfy constraint: "
                        + "multitrack input can be enabled only for STANDARD channels, and this channel's type is "
                        + type);
            }
            if (!"FRAGMENTED_MP4".equals(channel.get("containerFormat").asText())) {
                errors.add("Value '" + channel.get("containerFormat").asText() + "' at 'containerFormat' failed to "
                        + "satisfy constraint: must be FRAGMENTED_MP4 when multitrack input is enabled");
            }
        }
    }

    private static void requireReferences(RequestContext context, ObjectNode channel) {
        String recording = channel.get("recordingConfigurationArn").asText();
        if (!recording.isEmpty()) {
            Resources.require(context, StoredResourceType.RECORDING_CONFIGURATION, recording);
        }
        String policy = channel.get("playbackRestrictionPolicyArn").asText();
        if (!policy.isEmpty()) {
            Resources.require(context, StoredResourceType.PLAYBACK_RESTRICTION_POLICY, policy);
        }
    }
}
