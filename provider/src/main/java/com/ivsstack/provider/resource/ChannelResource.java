package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.MultitrackInputConfiguration;
import software.amazon.awssdk.services.ivs.model.StreamKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code ivs:index:Channel}: every input updates in place (UpdateChannel). Outputs include the stream key that
 * CreateChannel makes. Live channels are handled by {@link LiveChannels}.
 */
public final class ChannelResource extends IvsResource {

    public static final String TOKEN = "ivs:index:Channel";

    private final LiveChannels liveChannels;

    public ChannelResource(ResourceContext context) {
        super(context, TOKEN);
        this.liveChannels = new LiveChannels(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "a channel name has only letters, digits, - and _");
        validator.arn("recordingConfigurationArn", inputs.get("recordingConfigurationArn"), "recording-configuration", true);
        validator.arn("playbackRestrictionPolicyArn", inputs.get("playbackRestrictionPolicyArn"),
                "playback-restriction-policy", true);
        Object type = inputs.get("type");
        Object preset = inputs.get("preset");
        if (preset instanceof String p && type instanceof String t && !isAdvanced(t)) {
            validator.fail("preset", Values.show(p) + " is not allowed for channel type " + t
                    + ": a transcode preset applies only to ADVANCED_SD and ADVANCED_HD channels");
        }
        var multitrack = Values.asMap(inputs.get("multitrackInputConfiguration"));
        if (multitrack != null && Boolean.TRUE.equals(multitrack.get("enabled"))) {
            if (type instanceof String t && !t.equals("STANDARD")) {
                validator.fail("multitrackInputConfiguration.enabled", "multitrack input requires channel type STANDARD, not " + t);
            }
            Object format = inputs.get("containerFormat");
            if (format instanceof String f && !f.equals("FRAGMENTED_MP4")) {
                validator.fail("containerFormat", Values.show(f) + " is not allowed with multitrack input: "
                        + "multitrackInputConfiguration.enabled requires containerFormat FRAGMENTED_MP4");
            }
            for (String required : new String[] {"maximumResolution", "policy"}) {
                if (!multitrack.containsKey(required)) {
                    validator.fail("multitrackInputConfiguration." + required,
                            "missing: required when multitrack input is enabled");
                }
            }
        }
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        if (normal.get("type") instanceof String type) {
            if (!isAdvanced(type)) {
                normal.remove("preset"); // IVS reports "" for BASIC and STANDARD
            } else {
                normal.putIfAbsent("preset", "HIGHER_BANDWIDTH_DELIVERY");
            }
        }
        var multitrack = Values.asMap(normal.get("multitrackInputConfiguration"));
        if (multitrack != null && !Boolean.TRUE.equals(multitrack.get("enabled")) && !Values.isUnknown(multitrack.get("enabled"))) {
            normal.remove("multitrackInputConfiguration"); // a disabled configuration means nothing
        }
        return normal;
    }

    private static boolean isAdvanced(String type) {
        return type.startsWith("ADVANCED");
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        try {
            var response = api().ivs().createChannel(b -> b
                    .name(Values.string(inputs, "name"))
                    .type(Values.string(inputs, "type"))
                    .latencyMode(Values.string(inputs, "latencyMode"))
                    .authorized(Values.bool(inputs, "authorized"))
                    .insecureIngest(Values.bool(inputs, "insecureIngest"))
                    .preset(Values.string(inputs, "preset"))
                    .recordingConfigurationArn(Values.string(inputs, "recordingConfigurationArn"))
                    .playbackRestrictionPolicyArn(Values.string(inputs, "playbackRestrictionPolicyArn"))
                    .containerFormat(Values.string(inputs, "containerFormat"))
                    .multitrackInputConfiguration(multitrack(Values.asMap(inputs.get("multitrackInputConfiguration"))))
                    .tags(tags));
            return new Live(response.channel().arn(), outputs(response.channel(), response.streamKey()));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        // The known stream key is read together with the channel, not after it: in a refresh it then joins the batch
        // that the StreamKey resource's own read of the same ARN is in, and costs no call of its own.
        String knownKeyArn = Values.string(oldOutputs, "streamKeyArn");
        var knownKey = knownKeyArn == null || knownKeyArn.isEmpty() ? null : api().reads().streamKeyAsync(knownKeyArn);
        var channel = api().reads().channel(id);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Live(id, outputs(channel.get(), currentStreamKey(id, knownKey))));
    }

    /** The channel's stream key: the known one if it still exists, else whatever key it has now. */
    private StreamKey currentStreamKey(String channelArn, CompletableFuture<Optional<StreamKey>> knownKey) {
        if (knownKey != null) {
            Optional<StreamKey> known;
            try {
                known = knownKey.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            if (known.isPresent()) {
                return known.get();
            }
        }
        var keys = api().ivs().listStreamKeys(b -> b.channelArn(channelArn)).streamKeys();
        return keys.isEmpty() ? null : api().reads().streamKey(keys.get(0).arn()).orElse(null);
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        var summaries = api().ivs().listChannelsPaginator(b -> { }).stream()
                .flatMap(page -> page.channels().stream());
        return Ownership.find(summaries, ChannelSummary::tags, ChannelSummary::arn, urn);
    }

    @Override
    protected void updateInPlace(String id, Map<String, Object> oldInputs, Map<String, Object> news, UpdateRequest request) {
        var multitrack = Values.asMap(news.get("multitrackInputConfiguration"));
        if (multitrack == null && oldInputs.containsKey("multitrackInputConfiguration")) {
            multitrack = Map.of("enabled", false);
        }
        var multitrackConfig = multitrack(multitrack);
        String describe = describe("updating", id);
        var deadline = Deadline.start("update", request.timeout());
        try {
            liveChannels.whileOffline(id, request.urn(), describe, deadline, () -> api().ivs().updateChannel(b -> b
                            .arn(id)
                            .name(Values.stringOrEmpty(news, "name"))
                            .type(Values.string(news, "type"))
                            .latencyMode(Values.string(news, "latencyMode"))
                            .authorized(Values.bool(news, "authorized"))
                            .insecureIngest(Values.bool(news, "insecureIngest"))
                            .preset(Values.string(news, "preset"))
                            .recordingConfigurationArn(Values.stringOrEmpty(news, "recordingConfigurationArn"))
                            .playbackRestrictionPolicyArn(Values.stringOrEmpty(news, "playbackRestrictionPolicyArn"))
                            .containerFormat(Values.string(news, "containerFormat"))
                            .multitrackInputConfiguration(multitrackConfig)));
        } catch (IvsApiException e) {
            throw failure("updating", id, e, null);
        }
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        String describe = describe("deleting", id);
        liveChannels.whileOffline(id, request.urn(), describe, Deadline.start("delete", request.timeout()),
                () -> api().ivs().deleteChannel(b -> b.arn(id)));
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static MultitrackInputConfiguration multitrack(Map<String, Object> config) {
        if (config == null) {
            return null;
        }
        return MultitrackInputConfiguration.builder()
                .enabled(Values.bool(config, "enabled"))
                .maximumResolution(Values.string(config, "maximumResolution"))
                .policy(Values.string(config, "policy"))
                .build();
    }

    /** The channel's outputs; shared with the getChannel function. */
    public static Map<String, Object> outputs(Channel channel) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", channel.arn());
        outputs.put("name", channel.name());
        outputs.put("type", channel.typeAsString());
        outputs.put("latencyMode", channel.latencyModeAsString());
        outputs.put("authorized", channel.authorized());
        outputs.put("insecureIngest", channel.insecureIngest());
        String preset = channel.presetAsString();
        if (preset != null && !preset.isEmpty()) {
            outputs.put("preset", preset);
        }
        outputs.put("recordingConfigurationArn", channel.recordingConfigurationArn() == null ? "" : channel.recordingConfigurationArn());
        outputs.put("playbackRestrictionPolicyArn", channel.playbackRestrictionPolicyArn() == null ? "" : channel.playbackRestrictionPolicyArn());
        outputs.put("containerFormat", channel.containerFormatAsString());
        var multitrack = channel.multitrackInputConfiguration();
        if (multitrack != null) {
            var config = new LinkedHashMap<String, Object>();
            config.put("enabled", multitrack.enabled());
            config.put("maximumResolution", multitrack.maximumResolutionAsString());
            config.put("policy", multitrack.policyAsString());
            config.values().removeIf(v -> v == null);
            outputs.put("multitrackInputConfiguration", config);
        }
        outputs.put("tags", channel.tags() == null ? Map.of() : channel.tags());
        outputs.put("ingestEndpoint", channel.ingestEndpoint());
        outputs.put("playbackUrl", channel.playbackUrl());
        if (channel.srt() != null) {
            var srt = new LinkedHashMap<String, Object>();
            srt.put("endpoint", channel.srt().endpoint());
            if (channel.srt().passphrase() != null) {
                srt.put("passphrase", channel.srt().passphrase());
            }
            outputs.put("srt", srt);
        }
        return outputs;
    }

    private static Map<String, Object> outputs(Channel channel, StreamKey streamKey) {
        var outputs = outputs(channel);
        outputs.put("streamKeyArn", streamKey == null ? "" : streamKey.arn());
        outputs.put("streamKeyValue", streamKey == null ? "" : streamKey.value());
        return outputs;
    }
}
