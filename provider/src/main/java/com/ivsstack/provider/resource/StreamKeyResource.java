package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.StreamKey;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:index:StreamKey}. IVS allows one key per channel and CreateChannel already makes it, so create adopts
 * the channel's existing key (tagging it) instead of failing on the quota, unless that key carries this resource's own
 * ownership tag (a replacement that creates before it deletes), which is rotated instead. A change of
 * {@code channelArn} or {@code rotation} replaces the key, deleting the old one first (the quota again), which gives a
 * fresh value.
 */
public final class StreamKeyResource extends IvsResource {

    public static final String TOKEN = "ivs:index:StreamKey";

    public StreamKeyResource(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.arn("channelArn", inputs.get("channelArn"), "channel", false);
    }

    @Override
    protected boolean deleteBeforeReplace() {
        return true;
    }

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        String channelArn = Values.string(inputs, "channelArn");
        List<StreamKeySummary> existing;
        try {
            existing = api().ivs().listStreamKeys(b -> b.channelArn(channelArn))
                    .streamKeys();
        } catch (IvsApiException e) {
            throw failure("creating", channelArn, e, e.is(IvsApiException.Kind.NOT_FOUND)
                    ? "The channel does not exist; create it first or fix channelArn" : null);
        }
        if (existing.isEmpty()) {
            return createKey(channelArn, inputs, tags);
        }
        String arn = existing.get(0).arn();
        String previousOwner = existing.get(0).tags() == null ? null : existing.get(0).tags().get(Ownership.TAG_KEY);
        if (previousOwner != null && previousOwner.equals(request.urn())) {
            // The key of the resource being replaced (a replacement that creates first, because the user overrode
            // deleteBeforeReplace): adopting it would hand the replacement the key that the engine deletes next.
            context.log().info(request.urn(), "rotating the stream key " + arn + " of channel " + channelArn
                    + ": it belongs to the resource being replaced (" + previousOwner + "); IVS allows one stream key per channel");
            try {
                api().ivs().deleteStreamKey(b -> b.arn(arn));
            } catch (IvsApiException e) {
                if (!e.is(IvsApiException.Kind.NOT_FOUND)) {
                    throw failure("creating", channelArn, e, "Deleting the replaced key " + arn + " failed; run again");
                }
            }
            return createKey(channelArn, inputs, tags);
        }
        // Adopt the key the channel already has: the quota allows one, and CreateChannel made it.
        if (previousOwner != null && !previousOwner.equals(request.urn())) {
            context.log().warn(request.urn(), "the stream key " + arn + " of channel " + channelArn
                    + " is already managed by " + previousOwner + "; both now manage the same key");
        }
        context.log().info(request.urn(), "adopting the existing stream key " + arn + " of channel " + channelArn
                + " (IVS allows one stream key per channel)");
        try {
            syncTags(arn, Values.stringMap(inputs.get("tags")));
            if (tags.containsKey(Ownership.TAG_KEY)) {
                api().tags().tag(arn, Map.of(Ownership.TAG_KEY, tags.get(Ownership.TAG_KEY)));
            }
            var key = api().reads().streamKey(arn).orElseThrow(() -> new IvsApiException(IvsApiException.Kind.NOT_FOUND,
                    "the adopted stream key " + arn + " disappeared", null));
            return new Live(arn, outputs(key, inputs));
        } catch (RuntimeException e) {
            var partial = new LinkedHashMap<String, Object>();
            partial.put("arn", arn);
            partial.put("channelArn", channelArn);
            partial.put("tags", inputs.getOrDefault("tags", Map.of()));
            throw new ResourceInitFailedException(arn, partial, List.of(describe("creating", arn)
                    + ": adopted the channel's stream key but could not tag or read it: " + e.getMessage()
                    + ". Run up again to finish"), e);
        }
    }

    private Live createKey(String channelArn, Map<String, Object> inputs, Map<String, String> tags) {
        try {
            var key = api().ivs().createStreamKey(b -> b.channelArn(channelArn).tags(tags)).streamKey();
            return new Live(key.arn(), outputs(key, inputs));
        } catch (IvsApiException e) {
            throw failure("creating", channelArn, e, null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return api().reads().streamKey(id).map(key -> new Live(id, outputs(key, oldInputs)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        String channelArn = Values.string(oldInputs, "channelArn");
        if (channelArn == null) {
            return Optional.empty();
        }
        return IvsApiException.emptyIfNotFound(() -> api().ivs().listStreamKeys(b -> b.channelArn(channelArn)))
                .flatMap(keys -> Ownership.find(keys.streamKeys().stream(), StreamKeySummary::tags, StreamKeySummary::arn, urn));
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        api().ivs().deleteStreamKey(b -> b.arn(id));
    }

    private static Map<String, Object> outputs(StreamKey key, Map<String, Object> inputs) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", key.arn());
        outputs.put("channelArn", key.channelArn());
        outputs.put("value", key.value());
        outputs.put("tags", key.tags() == null ? Map.of() : key.tags());
        outputs.put("rotation", inputs == null ? null : Values.string(inputs, "rotation"));
        return outputs;
    }

    /** Outputs for the getStreamKey function. */
    public static Map<String, Object> functionOutputs(StreamKey key) {
        var outputs = outputs(key, null);
        outputs.remove("rotation");
        outputs.put("tags", Ownership.visible(key.tags()));
        return outputs;
    }
}
