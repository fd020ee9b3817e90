package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.PublicKeyInputs;
import com.ivsstack.provider.model.realtime.PublicKeyOutputs;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKeySummary;

import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:realtime:PublicKey}: an imported ECDSA P-384 public key that verifies participant tokens. Only tags
 * update in place. IVS refuses to import the same key twice, so a replacement that keeps the key (a new name) deletes
 * the old one first; one with a new key creates it first, so that tokens keep verifying until the old key goes.
 */
public final class PublicKeyResource extends ImportedPublicKeyResource<PublicKeyInputs, PublicKeyOutputs> {

    public static final String TOKEN = PublicKeyInputs.TOKEN;

    public PublicKeyResource(ResourceContext context) {
        super(context, ResourceModels.PUBLIC_KEY, "public key");
    }

    @Override
    public DiffResult diff(DiffRequest request) {
        var result = super.diff(request);
        if (!result.requiresReplacement()) {
            return result;
        }
        var before = normalize(plainView(request.oldInputs())).get(KEY);
        var after = normalize(plainView(request.news())).get(KEY);
        boolean sameKey = before != null && !PropertyValues.isUnknown(after) && PropertyValues.same(before, after);
        return new DiffResult(result.detailedDiff(), sameKey);
    }

    @Override
    protected Live<PublicKeyOutputs> create(PublicKeyInputs inputs, Map<String, String> tags, CreateRequest request) {
        try {
            var key = api().realTime().importPublicKey(b -> b
                    .name(inputs.name())
                    .publicKeyMaterial(inputs.publicKeyMaterial())
                    .tags(tags)).publicKey();
            return new Live<>(key.arn(), outputs(key));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, switch (e.kind()) {
                case QUOTA_EXCEEDED -> "IVS allows 3 public keys per region; delete one you no longer use (or replace "
                        + "with deleteBeforeReplace: true)";
                case CONFLICT -> "IVS refuses to import the same public key twice: it is imported already (by another "
                        + "stack?). Use another key pair, or adopt that key with `ivsstack import ivs:realtime:PublicKey "
                        + "<name> <arn>`";
                default -> null;
            });
        }
    }

    @Override
    protected Optional<Live<PublicKeyOutputs>> read(String id, PublicKeyInputs oldInputs, PublicKeyOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getPublicKey(b -> b.arn(id)).publicKey())
                .map(found -> new Live<>(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, PublicKeyInputs oldInputs) {
        var summaries = api().realTime().listPublicKeysPaginator(b -> { }).stream()
                .flatMap(page -> page.publicKeys().stream());
        return Ownership.find(summaries, PublicKeySummary::tags, PublicKeySummary::arn, urn);
    }

    @Override
    protected void delete(String id, PublicKeyInputs oldInputs, DeleteRequest request) {
        api().realTime().deletePublicKey(b -> b.arn(id));
    }

    private static PublicKeyOutputs outputs(PublicKey key) {
        return PublicKeyOutputs.builder()
                .arn(key.arn())
                .name(key.name())
                .publicKeyMaterial(key.publicKeyMaterial())
                .fingerprint(key.fingerprint())
                .tags(key.tags() == null ? Map.of() : key.tags())
                .build();
    }
}
