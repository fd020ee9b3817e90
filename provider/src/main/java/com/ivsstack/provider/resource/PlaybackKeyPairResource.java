package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPair;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPairSummary;

import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ivs:index:PlaybackKeyPair}: an imported ECDSA public key. AWS never returns the key material, so it is kept
 * from the inputs; after an import (no old inputs) the declared key is taken as is rather than shown as a change.
 */
public final class PlaybackKeyPairResource extends IvsResource {

    public static final String TOKEN = "ivs:index:PlaybackKeyPair";
    private static final Pattern PEM = Pattern.compile(
            "\\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----\\s*");

    public PlaybackKeyPairResource(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "a key pair name has only letters, digits, - and _");
        if (inputs.get("publicKeyMaterial") instanceof String pem) {
            String problem = ecdsaProblem(pem);
            if (problem != null) {
                validator.fail("publicKeyMaterial", "is not a PEM-encoded ECDSA public key: " + problem
                        + "; create one with `openssl ecparam -name secp384r1 -genkey -noout -out priv.pem && "
                        + "openssl ec -in priv.pem -pubout -out public.pem`");
            }
        }
    }

    /** Why {@code pem} is not an ECDSA public key, or null when it is one. */
    static String ecdsaProblem(String pem) {
        var matcher = PEM.matcher(pem);
        if (!matcher.matches()) {
            return "expected the text between -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY-----";
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
            var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            return key instanceof ECPublicKey ? null : "the key is not an elliptic-curve key";
        } catch (IllegalArgumentException e) {
            return "the base64 body is damaged";
        } catch (java.security.GeneralSecurityException e) {
            return "the key is not an elliptic-curve (ECDSA) key";
        }
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        normal.computeIfPresent("publicKeyMaterial", (k, v) -> v instanceof String s ? s.strip().replace("\r\n", "\n") : v);
        return normal;
    }

    @Override
    public com.ivsstack.provider.api.DiffResult diff(com.ivsstack.provider.api.DiffRequest request) {
        var oldInputs = request.oldInputs() == null ? Map.<String, Object>of() : request.oldInputs();
        if (!oldInputs.containsKey("publicKeyMaterial") && request.news().containsKey("publicKeyMaterial")) {
            // imported: AWS never returns the key, so the declared one is adopted rather than shown as a replacement
            var adopted = new LinkedHashMap<>(oldInputs);
            adopted.put("publicKeyMaterial", request.news().get("publicKeyMaterial"));
            return super.diff(new com.ivsstack.provider.api.DiffRequest(request.id(), request.urn(), adopted,
                    request.oldOutputs(), request.news(), request.ignoreChanges()));
        }
        return super.diff(request);
    }

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        try {
            var keyPair = api().ivs().importPlaybackKeyPair(b -> b
                    .name(Values.string(inputs, "name"))
                    .publicKeyMaterial(Values.string(inputs, "publicKeyMaterial"))
                    .tags(tags)).keyPair();
            return new Live(keyPair.arn(), outputs(keyPair, inputs));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, e.is(IvsApiException.Kind.QUOTA_EXCEEDED)
                    ? "IVS allows 3 playback key pairs per region; delete one you no longer use" : null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getPlaybackKeyPair(b -> b.arn(id)).keyPair())
                .map(found -> new Live(id, outputs(found, oldInputs)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        var summaries = api().ivs().listPlaybackKeyPairsPaginator(b -> { }).stream()
                .flatMap(page -> page.keyPairs().stream());
        return Ownership.find(summaries, PlaybackKeyPairSummary::tags, PlaybackKeyPairSummary::arn, urn);
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        api().ivs().deletePlaybackKeyPair(b -> b.arn(id));
    }

    private static Map<String, Object> outputs(PlaybackKeyPair keyPair, Map<String, Object> inputs) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", keyPair.arn());
        outputs.put("name", keyPair.name());
        outputs.put("fingerprint", keyPair.fingerprint());
        outputs.put("publicKeyMaterial", Values.string(inputs, "publicKeyMaterial"));
        outputs.put("tags", keyPair.tags() == null ? Map.of() : keyPair.tags());
        return outputs;
    }
}
