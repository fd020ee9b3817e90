package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.StreamKeyInputs;
import com.ivsstack.provider.model.StreamKeyOutputs;
import software.amazon.awssdk.services.ivs.model.StreamKey;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

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
public final class StreamKeyResource extends IvsResource<StreamKeyInputs, StreamKeyOutputs> {

    public static final String TOKEN = StreamKeyInputs.TOKEN;

    public StreamKeyResource(ResourceContext context) {
        super(context, ResourceModels.STREAM_KEY);
    }

    @Override
    protected void validate(StreamKeyInputs inputs, Validator validator) {
        validator.arn(StreamKeyInputs.CHANNEL_ARN, inputs.channelArn(), "channel", false);
    }

    @Override
    protected boolean deleteBeforeReplace() {
        return true;
    }

    @Override
    protected Live<StreamKeyOutputs> create(StreamKeyInputs inputs, Map<String, String> tags, CreateRequest request) {
        String channelArn = inputs.channelArn();
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
        String previousOwner = Ownership.owner(existing.get(0).tags()).orElse(null);
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
            syncTags(arn, inputs.tags());
            if (tags.containsKey(Ownership.TAG_KEY)) {
                api().tags().tag(arn, Map.of(Ownership.TAG_KEY, tags.get(Ownership.TAG_KEY)));
            }
            var key = api().reads().streamKey(arn).orElseThrow(() -> new IvsApiException(IvsApiException.Kind.NOT_FOUND,
                    "the adopted stream key " + arn + " disappeared", null));
            return new Live<>(arn, outputs(key, inputs));
        } catch (RuntimeException e) {
            var partial = StreamKeyOutputs.builder().arn(arn).channelArn(channelArn).tags(inputs.tags()).build();
            throw new ResourceInitFailedException(arn, partial.asMap(), List.of(describe("creating", arn)
                    + ": adopted the channel's stream key but could not tag or read it: " + e.getMessage()
                    + ". Run up again to finish"), e);
        }
    }

    private Live<StreamKeyOutputs> createKey(String channelArn, StreamKeyInputs inputs, Map<String, String> tags) {
        try {
            var key = api().ivs().createStreamKey(b -> b.channelArn(channelArn).tags(tags)).streamKey();
            return new Live<>(key.arn(), outputs(key, inputs));
        } catch (IvsApiException e) {
            throw failure("creating", channelArn, e, null);
        }
    }

    @Override
    protected Optional<Live<StreamKeyOutputs>> read(String id, StreamKeyInputs oldInputs, StreamKeyOutputs oldOutputs) {
        return api().reads().streamKey(id).map(key -> new Live<>(id, outputs(key, oldInputs)));
    }

    @Override
    protected Optional<String> findOwned(String urn, StreamKeyInputs oldInputs) {
        String channelArn = oldInputs.channelArn();
        if (channelArn == null) {
            return Optional.empty();
        }
        return IvsApiException.emptyIfNotFound(() -> api().ivs().listStreamKeys(b -> b.channelArn(channelArn)))
                .flatMap(keys -> Ownership.find(keys.streamKeys().stream(), StreamKeySummary::tags, StreamKeySummary::arn, urn));
    }

    @Override
    protected void delete(String id, StreamKeyInputs oldInputs, DeleteRequest request) {
        api().ivs().deleteStreamKey(b -> b.arn(id));
    }

    /** The key's outputs; {@code inputs} give the rotation trigger, which AWS does not know. */
    private static StreamKeyOutputs outputs(StreamKey key, StreamKeyInputs inputs) {
        return outputs(key).rotation(inputs.rotation()).build();
    }

    /** The key's outputs as AWS has them; shared with the getStreamKey function. */
    public static StreamKeyOutputs.Builder outputs(StreamKey key) {
        return StreamKeyOutputs.builder()
                .arn(key.arn())
                .channelArn(key.channelArn())
                .value(key.value())
                .tags(key.tags() == null ? Map.of() : key.tags());
    }
}
