package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.Shapes.integerAtLeast;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.validation.Shapes;
import com.ivsstack.emulator.validation.StructureShape;

/**
 * IVS private-channel viewer session revocation: Start/BatchStartViewerSessionRevocation. There are no viewers,
 * so a revocation only checks its channel; the batch reports missing channels per item, like the service
 * (whose example shows an HTTP-status-like code, so "404" here).
 */
public final class ViewerSessionService {
    private static StructureShape viewerSession() {
        return structure()
                .required("channelArn", arn("channel"))
                .required("viewerId", string().length(1, 40))
                .optional("viewerSessionVersionsLessThanOrEqualTo", integerAtLeast(0));
    }

    static final StructureShape START = viewerSession();
    static final StructureShape BATCH_START = structure()
            .required("viewerSessions", Shapes.list(viewerSession()).size(1, 20));

    public void register(OperationRegistry registry) {
        registry.read(IVS, "StartViewerSessionRevocation", 10, START, this::start);
        registry.read(IVS, "BatchStartViewerSessionRevocation", 2, BATCH_START, this::batchStart);
    }

    private JsonNode start(RequestContext context, ObjectNode input) {
        Resources.require(context, StoredResourceType.CHANNEL, input.get("channelArn").asText());
        return JsonDocuments.object();
    }

    private JsonNode batchStart(RequestContext context, ObjectNode input) {
        ObjectNode response = JsonDocuments.object();
        ArrayNode errors = response.putArray("errors");
        for (JsonNode session : input.get("viewerSessions")) {
            String channelArn = session.get("channelArn").asText();
            if (!Resources.exists(context, StoredResourceType.CHANNEL, channelArn)) {
                ObjectNode error = errors.addObject();
                error.put("channelArn", channelArn);
                error.put("viewerId", session.get("viewerId").asText());
                error.put("code", "404");
                error.put("message", "Resource: " + channelArn + " not found");
            }
        }
        return response;
    }
}
