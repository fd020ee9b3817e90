package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.list;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;

/** IVS stream keys: Create/Get/BatchGet/List/DeleteStreamKey. One key per channel, as the service allows. */
public final class StreamKeyService {
    static final int RATE = 5;

    static final StructureShape CREATE = structure().required("channelArn", arn("channel")).optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("stream-key"));
    static final StructureShape BATCH_GET = structure().required("arns", list(arn("stream-key")).size(1, 50));
    static final StructureShape LIST = structure()
            .required("channelArn", arn("channel"))
            .optional("maxResults", maxResults(50))
            .optional("nextToken", nextToken());
    static final StructureShape DELETE = GET;

    public void register(OperationRegistry registry) {
        registry.write(IVS, "CreateStreamKey", 200, RATE, CREATE, this::create);
        registry.read(IVS, "GetStreamKey", RATE, GET, this::get);
        registry.read(IVS, "BatchGetStreamKey", RATE, BATCH_GET, this::batchGet);
        registry.read(IVS, "ListStreamKeys", RATE, LIST, this::listStreamKeys);
        registry.write(IVS, "DeleteStreamKey", 204, RATE, DELETE, this::delete);
    }

    /** Creates the stream key of a channel that exists; CreateChannel uses it too. */
    StoredResource createKey(RequestContext context, String channelArn, ObjectNode tags) {
        ObjectNode key = JsonDocuments.object();
        String arn = context.newArn(StoredResourceType.STREAM_KEY);
        key.put("arn", arn);
        key.put("channelArn", channelArn);
        key.set("tags", tags);
        key.put("value", Ids.streamKeyValue(context.region()));
        return context.store().add(StoredResourceType.STREAM_KEY, arn, key, JsonDocuments.object());
    }

    void deleteKeysOf(RequestContext context, String channelArn) {
        for (StoredResource key : keysOf(context, channelArn)) {
            context.store().remove(StoredResourceType.STREAM_KEY, key.arn());
        }
    }

    private static List<StoredResource> keysOf(RequestContext context, String channelArn) {
        return context.store().list(StoredResourceType.STREAM_KEY, context.arnPrefix(StoredResourceType.STREAM_KEY),
                r -> channelArn.equals(r.document().get("channelArn").asText()));
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        if (!keysOf(context, channelArn).isEmpty()) {
            throw ApiException.quotaExceeded("Channel " + channelArn + " already has a stream key, and a channel can "
                    + "have only 1: to replace it, call DeleteStreamKey and then CreateStreamKey");
        }
        ObjectNode response = JsonDocuments.object();
        response.set("streamKey", createKey(context, channelArn, Resources.tags(input)).document().deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.STREAM_KEY, input, "streamKey");
    }

    private JsonNode batchGet(RequestContext context, ObjectNode input) {
        return Resources.batchGet(context, StoredResourceType.STREAM_KEY, input.get("arns"), "streamKeys");
    }

    private JsonNode listStreamKeys(RequestContext context, ObjectNode input) {
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        return Resources.listResponse("streamKeys",
                Pagination.page(keysOf(context, channelArn), StoredResource::sequence, input, 1),
                r -> Resources.pick(r.document(), "arn", "channelArn", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        Resources.delete(context, StoredResourceType.STREAM_KEY, input.get("arn").asText());
        return null;
    }
}
