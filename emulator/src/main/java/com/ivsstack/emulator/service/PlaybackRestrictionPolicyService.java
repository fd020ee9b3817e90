package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.Shapes;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;

/** IVS playback restriction policies: Create/Get/List/Update/DeletePlaybackRestrictionPolicy. */
public final class PlaybackRestrictionPolicyService {
    static final int RATE = 5;
    private static final String[] SETTINGS = {"allowedCountries", "allowedOrigins", "enableStrictOriginEnforcement",
        "name"};

    private static StructureShape settings() {
        return structure()
                .optional("allowedCountries", Shapes.list(string().length(2, 2)))
                .optional("allowedOrigins", Shapes.list(string().length(0, 128)))
                .optional("enableStrictOriginEnforcement", bool())
                .optional("name", name());
    }

    static final StructureShape CREATE = settings().optional("tags", tags());
    static final StructureShape UPDATE = settings().required("arn", arn("playback-restriction-policy"));
    static final StructureShape GET = structure().required("arn", arn("playback-restriction-policy"));
    static final StructureShape LIST = structure()
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());

    public void register(OperationRegistry registry) {
        registry.write(IVS, "CreatePlaybackRestrictionPolicy", 200, RATE, CREATE, this::create);
        registry.read(IVS, "GetPlaybackRestrictionPolicy", RATE, GET, this::get);
        registry.read(IVS, "ListPlaybackRestrictionPolicies", RATE, LIST, this::listPolicies);
        registry.write(IVS, "UpdatePlaybackRestrictionPolicy", 200, RATE, UPDATE, this::update);
        registry.write(IVS, "DeletePlaybackRestrictionPolicy", 204, RATE, GET, this::delete);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        String arn = context.newArn(StoredResourceType.PLAYBACK_RESTRICTION_POLICY);
        ObjectNode policy = JsonDocuments.object();
        policy.put("arn", arn);
        policy.putArray("allowedCountries");
        policy.putArray("allowedOrigins");
        policy.put("enableStrictOriginEnforcement", false);
        policy.put("name", "");
        copySettings(input, policy);
        policy.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.PLAYBACK_RESTRICTION_POLICY, arn, policy, JsonDocuments.object());
        return wrap(policy);
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return wrap(Resources.require(context, StoredResourceType.PLAYBACK_RESTRICTION_POLICY, input.get("arn").asText())
                .document());
    }

    private JsonNode listPolicies(RequestContext context, ObjectNode input) {
        // the model documents a default page size of 1 for this operation
        return Resources.listAll(context, StoredResourceType.PLAYBACK_RESTRICTION_POLICY, input,
                "playbackRestrictionPolicies", 1, r -> r.document().deepCopy());
    }

    private JsonNode update(RequestContext context, ObjectNode input) {
        StoredResource policy = Resources.require(context, StoredResourceType.PLAYBACK_RESTRICTION_POLICY,
                input.get("arn").asText());
        copySettings(input, policy.document());
        return wrap(policy.document());
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        Resources.require(context, StoredResourceType.PLAYBACK_RESTRICTION_POLICY, arn);
        ChannelService.refuseWhileChannelsUse(context, "Playback restriction policy", "playbackRestrictionPolicyArn", arn);
        context.store().remove(StoredResourceType.PLAYBACK_RESTRICTION_POLICY, arn);
        return null;
    }

    private static void copySettings(JsonNode input, ObjectNode policy) {
        for (String member : SETTINGS) {
            if (input.hasNonNull(member)) {
                policy.set(member, input.get(member).deepCopy());
            }
        }
    }

    private static ObjectNode wrap(ObjectNode policy) {
        ObjectNode response = JsonDocuments.object();
        response.set("playbackRestrictionPolicy", policy.deepCopy());
        return response;
    }
}
