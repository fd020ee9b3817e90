package com.ivsstack.provider.resource;

import com.ivsstack.provider.model.PropertyMap;
import com.ivsstack.provider.model.ResourceModel;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A resource IVS imports from a PEM-encoded ECDSA P-384 public key: playback key pairs (viewer tokens) and IVS RealTime
 * public keys (participant tokens). Both have a {@code name} and the {@code publicKeyMaterial}, checked alike before
 * any API call, and two declarations of one key (surrounding space, line ends) compare equal.
 */
abstract class ImportedPublicKeyResource<I extends PropertyMap, O extends PropertyMap> extends IvsResource<I, O> {

    protected static final String NAME = "name";
    protected static final String KEY = "publicKeyMaterial";
    /** The shape the IVS models require: the header and footer each on a line of their own. */
    private static final Pattern PEM = Pattern.compile(
            "(?s).*-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----(\\r?\\n)?.*");
    private static final int P384_FIELD_BITS = 384;
    private static final String HOW_TO_CREATE = "create one with `openssl ecparam -name secp384r1 -genkey -noout -out "
            + "priv.pem && openssl ec -in priv.pem -pubout -out public.pem`";

    private final String kind;

    /** @param kind what the resource is called in messages ("key pair", "public key") */
    protected ImportedPublicKeyResource(ResourceContext context, ResourceModel<I, O> model, String kind) {
        super(context, model);
        this.kind = kind;
    }

    @Override
    protected void validate(I inputs, Validator validator) {
        validator.string(NAME, inputs.get(NAME), 0, 128, Validator.NAME_PATTERN,
                "a " + kind + " name has only letters, digits, - and _");
        if (inputs.get(KEY) instanceof String pem) {
            String problem = problem(pem);
            if (problem != null) {
                validator.fail(KEY, "is not a PEM-encoded ECDSA P-384 public key: " + problem + "; " + HOW_TO_CREATE);
            }
        }
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        normal.computeIfPresent(KEY, (k, v) -> v instanceof String text ? text.strip().replace("\r\n", "\n") : v);
        return normal;
    }

    /** Why {@code pem} is not an ECDSA P-384 public key, or null when it is one. */
    private static String problem(String pem) {
        var matcher = PEM.matcher(pem);
        if (!matcher.matches()) {
            return "expected -----BEGIN PUBLIC KEY-----, a line break, the base64 key, a line break and "
                    + "-----END PUBLIC KEY-----";
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
            var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec)) {
                return "the key is not an elliptic-curve key";
            }
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits == P384_FIELD_BITS ? null : "the key is on a " + bits + "-bit curve, and IVS needs P-384 (secp384r1)";
        } catch (IllegalArgumentException e) {
            return "the base64 body is damaged";
        } catch (GeneralSecurityException e) {
            return "the key is not an elliptic-curve (ECDSA) key";
        }
    }
}
