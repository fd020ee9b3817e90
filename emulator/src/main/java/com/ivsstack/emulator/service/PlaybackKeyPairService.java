package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.StructureShape;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * IVS playback key pairs: Import/Get/List/DeletePlaybackKeyPair. The public key must be a PEM ECDSA P-384 key;
 * the fingerprint is the MD5 of its DER encoding, as colon-separated hex (the service's format; its algorithm
 * is not documented).
 */
public final class PlaybackKeyPairService {
    static final int RATE = 3;

    static final StructureShape IMPORT = structure()
            .optional("name", name())
            .required("publicKeyMaterial", string())
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("playback-key"));
    static final StructureShape LIST = structure()
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());

    public void register(OperationRegistry registry) {
        registry.write(IVS, "ImportPlaybackKeyPair", 200, RATE, IMPORT, this::importKeyPair);
        registry.read(IVS, "GetPlaybackKeyPair", RATE, GET, this::get);
        registry.read(IVS, "ListPlaybackKeyPairs", RATE, LIST, this::listKeyPairs);
        registry.write(IVS, "DeletePlaybackKeyPair", 200, RATE, GET, this::delete);
    }

    private JsonNode importKeyPair(RequestContext context, ObjectNode input) {
        String fingerprint = fingerprint(input.get("publicKeyMaterial").asText());
        refuseImportedTwice(context, StoredResourceType.PLAYBACK_KEY_PAIR, fingerprint);
        Resources.requireBelowQuota(context, StoredResourceType.PLAYBACK_KEY_PAIR,
                context.settings().maxPlaybackKeyPairs(), "playback key pairs");
        String arn = context.newArn(StoredResourceType.PLAYBACK_KEY_PAIR);
        ObjectNode keyPair = JsonDocuments.object();
        keyPair.put("arn", arn);
        keyPair.put("name", JsonDocuments.text(input, "name", ""));
        keyPair.put("fingerprint", fingerprint);
        keyPair.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.PLAYBACK_KEY_PAIR, arn, keyPair, JsonDocuments.object());
        ObjectNode response = JsonDocuments.object();
        response.set("keyPair", keyPair.deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.PLAYBACK_KEY_PAIR, input, "keyPair");
    }

    private JsonNode listKeyPairs(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.PLAYBACK_KEY_PAIR, input, "keyPairs", 100,
                r -> Resources.pick(r.document(), "arn", "name", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        Resources.delete(context, StoredResourceType.PLAYBACK_KEY_PAIR, input.get("arn").asText());
        return JsonDocuments.object();
    }

    /** 409 when a key of this fingerprint is already imported as a resource of {@code type}, as IVS answers. */
    static void refuseImportedTwice(RequestContext context, StoredResourceType type, String fingerprint) {
        for (StoredResource key : context.store().list(type, context.arnPrefix(type), r -> true)) {
            if (fingerprint.equals(key.document().get("fingerprint").asText())) {
                throw ApiException.conflict("This public key is already imported as " + key.arn());
            }
        }
    }

    /** Parses the PEM public key (400 when it is not an EC P-384 key) and returns its fingerprint. */
    static String fingerprint(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (key.getParams().getCurve().getField().getFieldSize() != 384) {
                throw invalidKey("it is an EC key on a " + key.getParams().getCurve().getField().getFieldSize()
                        + "-bit curve, and IVS needs P-384 (secp384r1)");
            }
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(der));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw invalidKey("it is not a PEM-encoded EC public key (" + e.getMessage() + ")");
        }
    }

    private static ApiException invalidKey(String reason) {
        return ApiException.validation("Value at 'publicKeyMaterial' failed to satisfy constraint: " + reason
                + "; create one with: openssl ecparam -name secp384r1 -genkey -noout -out priv.pem && "
                + "openssl ec -in priv.pem -pubout -out public.pem");
    }
}
