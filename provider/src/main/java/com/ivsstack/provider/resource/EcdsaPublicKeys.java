package com.ivsstack.provider.resource;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The PEM-encoded ECDSA P-384 public keys that IVS imports: playback key pairs (viewer tokens) and IVS RealTime public
 * keys (participant tokens). Both are checked before any API call, and compared in one normal form.
 */
final class EcdsaPublicKeys {

    /** The shape the IVS models require: the header and footer each on a line of their own. */
    private static final Pattern PEM = Pattern.compile(
            "(?s).*-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----(\\r?\\n)?.*");
    private static final int P384_FIELD_BITS = 384;
    private static final String HOW_TO_CREATE = "create one with `openssl ecparam -name secp384r1 -genkey -noout -out "
            + "priv.pem && openssl ec -in priv.pem -pubout -out public.pem`";

    private EcdsaPublicKeys() {
    }

    /** Fails {@code property} when {@code pem} is not a PEM-encoded ECDSA P-384 public key; unknown values pass. */
    static void check(Validator validator, String property, Object pem) {
        if (pem instanceof String text) {
            String problem = problem(text);
            if (problem != null) {
                validator.fail(property, "is not a PEM-encoded ECDSA P-384 public key: " + problem + "; " + HOW_TO_CREATE);
            }
        }
    }

    /** Why {@code pem} is not an ECDSA P-384 public key, or null when it is one. */
    static String problem(String pem) {
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

    /** The form two declarations of one key share: without surrounding blank space, with Unix line ends. */
    static Object normalize(Object pem) {
        return pem instanceof String text ? text.strip().replace("\r\n", "\n") : pem;
    }
}
