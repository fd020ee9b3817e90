package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ChannelInputs;
import com.ivsstack.provider.model.ChannelMultitrackInputConfiguration;
import com.ivsstack.provider.model.ChannelOutputs;
import com.ivsstack.provider.model.ChannelSrt;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.MultitrackInputConfiguration;
import software.amazon.awssdk.services.ivs.model.StreamKey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code ivs:index:Channel}: every input updates in place (UpdateChannel). Outputs include the stream key that
 * CreateChannel makes. Live channels are handled by {@link LiveChannels}.
 */
public final class ChannelResource extends IvsResource<ChannelInputs, ChannelOutputs> {

    public static final String TOKEN = ChannelInputs.TOKEN;

    private final LiveChannels liveChannels;

    public ChannelResource(ResourceContext context) {
        super(context, ResourceModels.CHANNEL);
        this.liveChannels = new LiveChannels(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(ChannelInputs inputs, Validator validator) {
        validator.string(ChannelInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "a channel name has only letters, digits, - and _");
        validator.arn(ChannelInputs.RECORDING_CONFIGURATION_ARN, inputs.recordingConfigurationArn(),
                "recording-configuration", true);
        validator.arn(ChannelInputs.PLAYBACK_RESTRICTION_POLICY_ARN, inputs.playbackRestrictionPolicyArn(),
                "playback-restriction-policy", true);
        String type = inputs.type();
        String preset = inputs.preset();
        if (preset != null && type != null && !isAdvanced(type)) {
            validator.fail(ChannelInputs.PRESET, PropertyValues.show(preset) + " is not allowed for channel type " + type
                    + ": a transcode preset applies only to ADVANCED_SD and ADVANCED_HD channels");
        }
        var multitrack = inputs.multitrackInputConfiguration();
        if (multitrack != null && Boolean.TRUE.equals(multitrack.enabled())) {
            if (type != null && !type.equals("STANDARD")) {
                validator.fail(multitrackPath(ChannelMultitrackInputConfiguration.ENABLED),
                        "multitrack input requires channel type STANDARD, not " + type);
            }
            String format = inputs.containerFormat();
            if (format != null && !format.equals("FRAGMENTED_MP4")) {
                validator.fail(ChannelInputs.CONTAINER_FORMAT, PropertyValues.show(format) + " is not allowed with multitrack input: "
                        + "multitrackInputConfiguration.enabled requires containerFormat FRAGMENTED_MP4");
            }
            for (String required : new String[] {ChannelMultitrackInputConfiguration.MAXIMUM_RESOLUTION,
                    ChannelMultitrackInputConfiguration.POLICY}) {
                if (!multitrack.has(required)) {
                    validator.fail(multitrackPath(required), "missing: required when multitrack input is enabled");
                }
            }
        }
    }

    private static String multitrackPath(String property) {
        return PropertyValues.path(ChannelInputs.MULTITRACK_INPUT_CONFIGURATION, property);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        String type = new ChannelInputs(normal).type();
        if (type != null) {
            if (!isAdvanced(type)) {
                normal.remove(ChannelInputs.PRESET); // IVS reports "" for BASIC and STANDARD
            } else {
                normal.putIfAbsent(ChannelInputs.PRESET, "HIGHER_BANDWIDTH_DELIVERY");
            }
        }
        var multitrack = new ChannelInputs(normal).multitrackInputConfiguration();
        if (multitrack != null && !Boolean.TRUE.equals(multitrack.enabled())
                && !PropertyValues.isUnknown(multitrack.get(ChannelMultitrackInputConfiguration.ENABLED))) {
            normal.remove(ChannelInputs.MULTITRACK_INPUT_CONFIGURATION); // a disabled configuration means nothing
        }
        return normal;
    }

    private static boolean isAdvanced(String type) {
        return type.startsWith("ADVANCED");
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live<ChannelOutputs> create(ChannelInputs inputs, Map<String, String> tags, CreateRequest request) {
        try {
            var response = api().ivs().createChannel(b -> b
                    .name(inputs.name())
                    .type(inputs.type())
                    .latencyMode(inputs.latencyMode())
                    .authorized(inputs.authorized())
                    .insecureIngest(inputs.insecureIngest())
                    .preset(inputs.preset())
                    .recordingConfigurationArn(inputs.recordingConfigurationArn())
                    .playbackRestrictionPolicyArn(inputs.playbackRestrictionPolicyArn())
                    .containerFormat(inputs.containerFormat())
                    .multitrackInputConfiguration(multitrack(inputs.multitrackInputConfiguration()))
                    .tags(tags));
            return new Live<>(response.channel().arn(), outputs(response.channel(), response.streamKey()));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, null);
        }
    }

    @Override
    protected Optional<Live<ChannelOutputs>> read(String id, ChannelInputs oldInputs, ChannelOutputs oldOutputs) {
        // The known stream key is read together with the channel, not after it: in a refresh it then joins the batch
        // that the StreamKey resource's own read of the same ARN is in, and costs no call of its own.
        String knownKeyArn = oldOutputs.streamKeyArn();
        var knownKey = knownKeyArn == null || knownKeyArn.isEmpty() ? null : api().reads().streamKeyAsync(knownKeyArn);
        var channel = api().reads().channel(id);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Live<>(id, outputs(channel.get(), currentStreamKey(id, knownKey))));
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
    protected Optional<String> findOwned(String urn, ChannelInputs oldInputs) {
        var summaries = api().ivs().listChannelsPaginator(b -> { }).stream()
                .flatMap(page -> page.channels().stream());
        return Ownership.find(summaries, ChannelSummary::tags, ChannelSummary::arn, urn);
    }

    @Override
    protected void updateInPlace(String id, ChannelInputs oldInputs, ChannelInputs news, UpdateRequest request) {
        var multitrack = multitrack(news.multitrackInputConfiguration());
        if (multitrack == null && oldInputs.has(ChannelInputs.MULTITRACK_INPUT_CONFIGURATION)) {
            multitrack = MultitrackInputConfiguration.builder().enabled(false).build();
        }
        var multitrackConfig = multitrack;
        String describe = describe("updating", id);
        var deadline = Deadline.start("update", request.timeout());
        try {
            liveChannels.whileOffline(id, request.urn(), describe, deadline, () -> api().ivs().updateChannel(b -> b
                    .arn(id)
                    .name(orNone(news.name()))
                    .type(news.type())
                    .latencyMode(news.latencyMode())
                    .authorized(news.authorized())
                    .insecureIngest(news.insecureIngest())
                    .preset(news.preset())
                    .recordingConfigurationArn(orNone(news.recordingConfigurationArn()))
                    .playbackRestrictionPolicyArn(orNone(news.playbackRestrictionPolicyArn()))
                    .containerFormat(news.containerFormat())
                    .multitrackInputConfiguration(multitrackConfig)));
        } catch (IvsApiException e) {
            throw failure("updating", id, e, null);
        }
    }

    @Override
    protected void delete(String id, ChannelInputs oldInputs, DeleteRequest request) {
        String describe = describe("deleting", id);
        liveChannels.whileOffline(id, request.urn(), describe, Deadline.start("delete", request.timeout()),
                () -> api().ivs().deleteChannel(b -> b.arn(id)));
    }

    @Override
    public List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        try {
            return liveChannels.deleteBlockers(request.id(), describe("deleting", request.id()), group);
        } catch (IvsApiException e) {
            throw failure("checking before deleting", request.id(), e, null);
        }
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    private static MultitrackInputConfiguration multitrack(ChannelMultitrackInputConfiguration config) {
        if (config == null) {
            return null;
        }
        return MultitrackInputConfiguration.builder()
                .enabled(config.enabled())
                .maximumResolution(config.maximumResolution())
                .policy(config.policy())
                .build();
    }

    /** The channel's outputs, but for its stream key; shared with the getChannel and getChannels functions. */
    public static ChannelOutputs.Builder outputs(Channel channel) {
        var outputs = ChannelOutputs.builder()
                .arn(channel.arn())
                .name(channel.name())
                .type(channel.typeAsString())
                .latencyMode(channel.latencyModeAsString())
                .authorized(channel.authorized())
                .insecureIngest(channel.insecureIngest());
        String preset = channel.presetAsString();
        if (preset != null && !preset.isEmpty()) {
            outputs.preset(preset);
        }
        outputs.recordingConfigurationArn(orNone(channel.recordingConfigurationArn()))
                .playbackRestrictionPolicyArn(orNone(channel.playbackRestrictionPolicyArn()))
                .containerFormat(channel.containerFormatAsString());
        var multitrack = channel.multitrackInputConfiguration();
        if (multitrack != null) {
            outputs.multitrackInputConfiguration(ChannelMultitrackInputConfiguration.builder()
                    .enabled(multitrack.enabled())
                    .maximumResolution(multitrack.maximumResolutionAsString())
                    .policy(multitrack.policyAsString())
                    .build());
        }
        outputs.tags(channel.tags() == null ? Map.of() : channel.tags())
                .ingestEndpoint(channel.ingestEndpoint())
                .playbackUrl(channel.playbackUrl());
        if (channel.srt() != null) {
            outputs.srt(ChannelSrt.builder().endpoint(channel.srt().endpoint()).passphrase(channel.srt().passphrase()).build());
        }
        return outputs;
    }

    /**
     * The outputs of a channel as ListChannels summarises it, but for its stream key: the summary's fields are the
     * channel's, copied by name with the SDK's own field metadata.
     */
    public static ChannelOutputs.Builder outputs(ChannelSummary summary) {
        var channel = Channel.builder();
        var fields = new HashMap<String, SdkField<?>>();
        channel.sdkFields().forEach(field -> fields.put(field.memberName(), field));
        for (SdkField<?> field : summary.sdkFields()) {
            var same = fields.get(field.memberName());
            if (same != null) {
                same.set(channel, field.getValueOrDefault(summary));
            }
        }
        return outputs(channel.build());
    }

    private static ChannelOutputs outputs(Channel channel, StreamKey streamKey) {
        return outputs(channel)
                .streamKeyArn(streamKey == null ? "" : streamKey.arn())
                .streamKeyValue(streamKey == null ? "" : streamKey.value())
                .build();
    }
}
