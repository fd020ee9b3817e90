package com.ivsstack.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.http.EmulatorHttpServer;
import com.ivsstack.emulator.http.WireHandler;
import com.ivsstack.emulator.http.WireRequest;
import com.ivsstack.emulator.http.WireResponse;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.service.ErrorType;
import com.ivsstack.emulator.store.JsonDocuments;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API on HTTP, under {@value #PREFIX} (a path no IVS operation uses). Every route maps to one
 * {@link EmulatorAdmin} method; see docs/local-endpoint.md for the list.
 */
public final class AdminHttpHandler implements WireHandler {
    public static final String PREFIX = "/" + EmulatorHttpServer.ADMIN_SEGMENT + "/";

    private final EmulatorAdmin admin;

    public AdminHttpHandler(EmulatorAdmin admin) {
        this.admin = admin;
    }

    @Override
    public WireResponse handle(WireRequest request) {
        String path = request.rawPath();
        String route = request.method() + " " + (path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "");
        try {
            JsonNode result = dispatch(route, request);
            return WireResponse.json(200, result == null ? JsonDocuments.object() : result);
        } catch (ApiException e) {
            return WireResponse.error(e.type(), e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return WireResponse.error(ErrorType.VALIDATION, e.getMessage());
        } catch (RuntimeException | JsonProcessingException e) {
            return WireResponse.error(ErrorType.INTERNAL_SERVER, e.toString());
        }
    }

    private JsonNode dispatch(String route, WireRequest request) throws JsonProcessingException {
        switch (route) {
            case "POST streams/start": {
                ObjectNode body = request.jsonBody();
                return JsonDocuments.MAPPER.readTree(admin.startStream(required(body, "channelArn"),
                        JsonDocuments.text(body, "health", "HEALTHY")));
            }
            case "POST streams/stop":
                admin.stopStream(required(request.jsonBody(), "channelArn"));
                return null;
            case "POST participants/join": {
                ObjectNode body = request.jsonBody();
                Map<String, String> attributes = JsonDocuments.MAPPER.convertValue(
                        body.path("attributes").isObject() ? body.get("attributes") : JsonDocuments.object(),
                        new TypeReference<Map<String, String>>() { });
                return JsonDocuments.MAPPER.readTree(admin.joinParticipant(required(body, "stageArn"),
                        JsonDocuments.text(body, "userId", ""), attributes, body.path("publish").asBoolean(true)));
            }
            case "POST participants/leave": {
                ObjectNode body = request.jsonBody();
                admin.leaveParticipant(required(body, "stageArn"), required(body, "participantId"));
                return null;
            }
            case "POST publishing/start":
                return JsonDocuments.MAPPER.readTree(admin.startPublishing(
                        required(request.jsonBody(), "ingestConfigurationArn")));
            case "POST publishing/stop":
                admin.stopPublishing(required(request.jsonBody(), "ingestConfigurationArn"));
                return null;
            case "POST buckets": {
                ObjectNode body = request.jsonBody();
                admin.registerBucket(required(body, "bucketName"), required(body, "region"));
                return null;
            }
            case "POST faults":
                admin.injectFault(faultRule(request.jsonBody()));
                return null;
            case "GET faults":
                return JsonDocuments.MAPPER.valueToTree(admin.faults().stream().map(AdminHttpHandler::describe).toList());
            case "DELETE faults":
                admin.clearFaults();
                return null;
            case "POST quotas": {
                JsonNode enabled = request.jsonBody().get("enabled");
                if (enabled == null || !enabled.isBoolean()) {
                    throw new IllegalArgumentException("send {\"enabled\": true} or {\"enabled\": false}");
                }
                admin.setQuotasEnabled(enabled.asBoolean());
                return null;
            }
            case "GET quotas": {
                ObjectNode result = JsonDocuments.object();
                result.put("enabled", admin.quotasEnabled());
                return result;
            }
            case "POST reset":
                admin.reset();
                return null;
            case "GET state":
                return JsonDocuments.MAPPER.readTree(admin.dumpState());
            case "GET requests":
                return JsonDocuments.MAPPER.valueToTree(admin.requestCounts());
            case "DELETE requests":
                admin.resetRequestCounts();
                return null;
            default:
                throw new ApiException(ErrorType.UNKNOWN_OPERATION, "Unknown admin route '" + route + "' under "
                        + PREFIX + "; see docs/local-endpoint.md for the admin API");
        }
    }

    /** {"operation":"GetChannel","kind":"THROTTLING","count":2,"rate":0.5,"latencyMillis":100,"errorCode":"..."} */
    private static FaultRule faultRule(ObjectNode body) {
        String kind = required(body, "kind").toUpperCase(Locale.ROOT);
        FaultRule.Kind parsed;
        try {
            parsed = FaultRule.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of THROTTLING, INTERNAL_ERROR, LATENCY, "
                    + "RANDOM_LATENCY, DROP_CONNECTION, ERROR; was " + kind);
        }
        return new FaultRule(JsonDocuments.text(body, "operation", FaultRule.ANY_OPERATION), parsed,
                body.path("count").asInt(FaultRule.UNLIMITED), body.path("rate").asDouble(1.0),
                Duration.ofMillis(body.path("latencyMillis").asLong(0)), JsonDocuments.text(body, "errorCode", null));
    }

    private static ObjectNode describe(FaultRule rule) {
        ObjectNode node = JsonDocuments.object();
        node.put("operation", rule.operation());
        node.put("kind", rule.kind().name());
        node.put("count", rule.count());
        node.put("rate", rule.rate());
        node.put("latencyMillis", rule.latency().toMillis());
        if (rule.errorCode() != null) {
            node.put("errorCode", rule.errorCode());
        }
        return node;
    }

    private static String required(JsonNode body, String member) {
        String value = JsonDocuments.text(body, member, null);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the request body needs \"" + member + "\"");
        }
        return value;
    }
}
