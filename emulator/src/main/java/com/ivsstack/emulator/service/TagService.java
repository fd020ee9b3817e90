package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.resourceArn;
import static com.ivsstack.emulator.validation.CommonShapes.tagKey;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.list;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.StructureShape;

/**
 * TagResource, UntagResource and ListTagsForResource, for every taggable resource of both services (the two
 * services share these paths; the resource type in the ARN says which resource is meant).
 */
public final class TagService {
    static final int RATE = 10;
    static final int MAX_TAGS = 50;

    static final StructureShape TAG = structure().required("resourceArn", resourceArn()).required("tags", tags());
    static final StructureShape UNTAG = structure()
            .required("resourceArn", resourceArn())
            .required("tagKeys", list(tagKey()).size(0, 50));
    static final StructureShape LIST = structure().required("resourceArn", resourceArn());

    public void register(OperationRegistry registry) {
        registry.write(IVS, "TagResource", 200, RATE, TAG, this::tag);
        registry.write(IVS, "UntagResource", 200, RATE, UNTAG, this::untag);
        registry.read(IVS, "ListTagsForResource", RATE, LIST, this::listTags);
    }

    private JsonNode tag(RequestContext context, ObjectNode input) {
        StoredResource resource = require(context, input);
        ObjectNode merged = resource.tags().deepCopy();
        merged.setAll((ObjectNode) input.get("tags"));
        if (merged.size() > MAX_TAGS) {
            throw ApiException.validation("Resource " + resource.arn() + " would have " + merged.size()
                    + " tags, and at most " + MAX_TAGS + " tags can be applied to a resource: remove some first");
        }
        resource.document().set("tags", merged);
        return JsonDocuments.object();
    }

    private JsonNode untag(RequestContext context, ObjectNode input) {
        StoredResource resource = require(context, input);
        for (JsonNode key : input.get("tagKeys")) {
            resource.tags().remove(key.asText());
        }
        return JsonDocuments.object();
    }

    private JsonNode listTags(RequestContext context, ObjectNode input) {
        ObjectNode response = JsonDocuments.object();
        response.set("tags", require(context, input).tags().deepCopy());
        return response;
    }

    private static StoredResource require(RequestContext context, ObjectNode input) {
        String arn = input.get("resourceArn").asText();
        if (!context.ownsArn(arn)) {
            throw ApiException.notFound(arn);
        }
        return context.store().find(arn).orElseThrow(() -> ApiException.notFound(arn));
    }
}
