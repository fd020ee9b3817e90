package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
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
import com.ivsstack.emulator.validation.StructureShape;

/**
 * IVS RealTime public keys (for signing participant tokens): Import/Get/List/DeletePublicKey. The key must be
 * a PEM EC P-384 key, like IVS playback keys; unlike those, the key material is returned.
 */
public final class PublicKeyService {
    static final int RATE = 3;

    static final StructureShape IMPORT = structure()
            .required("publicKeyMaterial", string().pattern("(?s).*-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)"
                    + "\\r?\\n-----END PUBLIC KEY-----(\\r?\\n)?.*"))
            .optional("name", name())
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("public-key"));
    static final StructureShape LIST = structure()
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "ImportPublicKey", 200, RATE, IMPORT, this::importKey);
        registry.read(REALTIME, "GetPublicKey", RATE, GET, this::get);
        registry.read(REALTIME, "ListPublicKeys", RATE, LIST, this::listKeys);
        registry.write(REALTIME, "DeletePublicKey", 200, RATE, GET, this::delete);
    }

    private JsonNode importKey(RequestContext context, ObjectNode input) {
        String material = input.get("publicKeyMaterial").asText();
        String fingerprint = PlaybackKeyPairService.fingerprint(material);
        PlaybackKeyPairService.refuseImportedTwice(context, StoredResourceType.PUBLIC_KEY, fingerprint);
        Resources.requireBelowQuota(context, StoredResourceType.PUBLIC_KEY, context.settings().maxPublicKeys(),
                "public keys");
        String arn = context.newArn(StoredResourceType.PUBLIC_KEY);
        ObjectNode key = JsonDocuments.object();
        key.put("arn", arn);
        key.put("name", JsonDocuments.text(input, "name", ""));
        key.put("publicKeyMaterial", material);
        key.put("fingerprint", fingerprint);
        key.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.PUBLIC_KEY, arn, key, JsonDocuments.object());
        ObjectNode response = JsonDocuments.object();
        response.set("publicKey", key.deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.PUBLIC_KEY, input, "publicKey");
    }

    private JsonNode listKeys(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.PUBLIC_KEY, input, "publicKeys", 50,
                r -> Resources.pick(r.document(), "arn", "name", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        Resources.delete(context, StoredResourceType.PUBLIC_KEY, input.get("arn").asText());
        return JsonDocuments.object();
    }
}
