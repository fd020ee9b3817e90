package com.ivsstack.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lookups and document helpers that every resource service uses. */
public final class Resources {
    static final int MAX_ATTRIBUTES_BYTES = 1024;

    private Resources() {
    }

    /** The resource, or 404 when it does not exist in the caller's account and region. */
    public static StoredResource require(RequestContext context, StoredResourceType type, String arn) {
        return context.ownsArn(arn)
                ? context.store().get(type, arn).orElseThrow(() -> ApiException.notFound(arn))
                : throwNotFound(arn);
    }

    public static boolean exists(RequestContext context, StoredResourceType type, String arn) {
        return context.ownsArn(arn) && context.store().get(type, arn).isPresent();
    }

    private static StoredResource throwNotFound(String arn) {
        throw ApiException.notFound(arn);
    }

    /** A copy of the request's tags, or an empty map. */
    public static ObjectNode tags(JsonNode input) {
        JsonNode tags = input.get("tags");
        return tags != null && tags.isObject() ? ((ObjectNode) tags).deepCopy() : JsonDocuments.object();
    }

    /**
     * 402 ServiceQuotaExceededException when the caller's account and region already hold {@code max} resources of
     * the type; {@code what} names them in the message, e.g. "encoder configurations".
     */
    public static void requireBelowQuota(RequestContext context, StoredResourceType type, int max, String what) {
        if (context.store().count(type, context.arnPrefix(type)) >= max) {
            throw ApiException.quotaExceeded("At most " + max + " " + what + " are allowed per account and region: "
                    + "delete one first");
        }
    }

    /**
     * The documented limit of participant attributes (a token's, an ingest configuration's): keys and values
     * together at most 1 KB of UTF-8; the model has no constraint for it.
     */
    public static void checkAttributesSize(JsonNode attributes, String path, List<String> errors) {
        if (attributes == null || !attributes.isObject()) {
            return;
        }
        int bytes = 0;
        for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_ATTRIBUTES_BYTES) {
            errors.add("Value at '" + path + "' failed to satisfy constraint: the attributes' keys and values are "
                    + bytes + " bytes of UTF-8, and at most " + MAX_ATTRIBUTES_BYTES + " are allowed in total");
        }
    }

    /** A new object with only the named members of {@code document} (the summary of a resource). */
    public static ObjectNode pick(JsonNode document, String... members) {
        ObjectNode summary = JsonDocuments.object();
        for (String member : members) {
            if (document.has(member)) {
                summary.set(member, document.get(member).deepCopy());
            }
        }
        return summary;
    }

    /** A Get* answer: the stored document of the request's {@code arn} under {@code key}; 404 when there is none. */
    public static ObjectNode get(RequestContext context, StoredResourceType type, JsonNode input, String key) {
        ObjectNode response = JsonDocuments.object();
        response.set(key, require(context, type, input.get("arn").asText()).document().deepCopy());
        return response;
    }

    /**
     * A List* answer without filters: one page of every resource of the type in the caller's account and region,
     * oldest first, each as {@code summary} renders it.
     */
    public static ObjectNode listAll(RequestContext context, StoredResourceType type, JsonNode input, String key,
                                     int defaultMaxResults, Function<StoredResource, JsonNode> summary) {
        List<StoredResource> all = context.store().list(type, context.arnPrefix(type), r -> true);
        return listResponse(key, Pagination.page(all, StoredResource::sequence, input, defaultMaxResults), summary);
    }

    /** Deletes a resource that nothing can hold on to; 404 when it does not exist. */
    public static void delete(RequestContext context, StoredResourceType type, String arn) {
        require(context, type, arn);
        context.store().remove(type, arn);
    }

    /** Puts one page of a list into {@code response} under {@code key}, with {@code nextToken} when more remain. */
    public static <T> ObjectNode listResponse(String key, Pagination.Page<T> page, Function<T, JsonNode> render) {
        ObjectNode response = JsonDocuments.object();
        ArrayNode items = response.putArray(key);
        for (T item : page.items()) {
            items.add(render.apply(item));
        }
        if (page.nextToken() != null) {
            response.put("nextToken", page.nextToken());
        }
        return response;
    }

    /** Errors of the semantic checks that run after the shape checks, collected for one ValidationException. */
    public static List<String> errors() {
        return new ArrayList<>();
    }

    /**
     * A BatchGet* answer: the documents of the ARNs that exist under {@code itemsKey}, and a per-item error for each
     * ARN that does not (batch operations report missing items in a 200 body rather than failing).
     */
    public static ObjectNode batchGet(RequestContext context, StoredResourceType type, JsonNode arns, String itemsKey) {
        ObjectNode response = JsonDocuments.object();
        ArrayNode items = response.putArray(itemsKey);
        ArrayNode errors = response.putArray("errors");
        for (JsonNode arnNode : arns) {
            String arn = arnNode.asText();
            if (exists(context, type, arn)) {
                items.add(context.store().get(type, arn).orElseThrow().document().deepCopy());
            } else {
                ObjectNode error = errors.addObject();
                error.put("arn", arn);
                error.put("code", ErrorType.RESOURCE_NOT_FOUND.code());
                error.put("message", "Resource: " + arn + " not found");
            }
        }
        return response;
    }
}
