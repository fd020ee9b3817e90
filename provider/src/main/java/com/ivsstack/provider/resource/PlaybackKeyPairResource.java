package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.PlaybackKeyPairInputs;
import com.ivsstack.provider.model.PlaybackKeyPairOutputs;
import com.ivsstack.provider.model.ResourceModels;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPair;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPairSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:index:PlaybackKeyPair}: an imported ECDSA P-384 public key. AWS never returns the key material, so it is kept
 * from the inputs; after an import (no old inputs) the declared key is taken as is rather than shown as a change.
 */
public final class PlaybackKeyPairResource extends ImportedPublicKeyResource<PlaybackKeyPairInputs, PlaybackKeyPairOutputs> {

    public static final String TOKEN = PlaybackKeyPairInputs.TOKEN;

    public PlaybackKeyPairResource(ResourceContext context) {
        super(context, ResourceModels.PLAYBACK_KEY_PAIR, "key pair");
    }

    @Override
    public DiffResult diff(DiffRequest request) {
        var oldInputs = request.oldInputs() == null ? Map.<String, Object>of() : request.oldInputs();
        if (!oldInputs.containsKey(KEY) && request.news().containsKey(KEY)) {
            // imported: AWS never returns the key, so the declared one is adopted rather than shown as a replacement
            var adopted = new LinkedHashMap<>(oldInputs);
            adopted.put(KEY, request.news().get(KEY));
            return super.diff(new DiffRequest(request.id(), request.urn(), adopted,
                    request.oldOutputs(), request.news(), request.ignoreChanges()));
        }
        return super.diff(request);
    }

    @Override
    protected Live<PlaybackKeyPairOutputs> create(PlaybackKeyPairInputs inputs, Map<String, String> tags,
                                                  CreateRequest request) {
        try {
            var keyPair = api().ivs().importPlaybackKeyPair(b -> b
                    .name(inputs.name())
                    .publicKeyMaterial(inputs.publicKeyMaterial())
                    .tags(tags)).keyPair();
            return new Live<>(keyPair.arn(), outputs(keyPair, inputs));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, e.is(IvsApiException.Kind.QUOTA_EXCEEDED)
                    ? "IVS allows 3 playback key pairs per region; delete one you no longer use" : null);
        }
    }

    @Override
    protected Optional<Live<PlaybackKeyPairOutputs>> read(String id, PlaybackKeyPairInputs oldInputs,
                                                          PlaybackKeyPairOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getPlaybackKeyPair(b -> b.arn(id)).keyPair())
                .map(found -> new Live<>(id, outputs(found, oldInputs)));
    }

    @Override
    protected Optional<String> findOwned(String urn, PlaybackKeyPairInputs oldInputs) {
        var summaries = api().ivs().listPlaybackKeyPairsPaginator(b -> { }).stream()
                .flatMap(page -> page.keyPairs().stream());
        return Ownership.find(summaries, PlaybackKeyPairSummary::tags, PlaybackKeyPairSummary::arn, urn);
    }

    @Override
    protected void delete(String id, PlaybackKeyPairInputs oldInputs, DeleteRequest request) {
        api().ivs().deletePlaybackKeyPair(b -> b.arn(id));
    }

    /** The key pair's outputs; the key material comes from {@code inputs}, as AWS never returns it. */
    private static PlaybackKeyPairOutputs outputs(PlaybackKeyPair keyPair, PlaybackKeyPairInputs inputs) {
        return PlaybackKeyPairOutputs.builder()
                .arn(keyPair.arn())
                .name(keyPair.name())
                .fingerprint(keyPair.fingerprint())
                .publicKeyMaterial(inputs.publicKeyMaterial())
                .tags(keyPair.tags() == null ? Map.of() : keyPair.tags())
                .build();
    }
}
