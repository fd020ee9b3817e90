package com.ivsstack.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.service.ErrorType;
import com.ivsstack.emulator.store.JsonDocuments;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One answer in the services' restJson1 format, or the instruction to drop the connection without one.
 *
 * @param body null for no body (204)
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body, boolean dropConnection) {

    /** The answer with this status and JSON body; a null body is no body with 204, and an empty one otherwise. */
    public static WireResponse json(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        if (status == 204) {
            return new WireResponse(status, headers, null, false);
        }
        if (body == null) {
            return new WireResponse(status, headers, new byte[0], false);
        }
        headers.put("Content-Type", "application/json");
        try {
            return new WireResponse(status, headers, JsonDocuments.MAPPER.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The error answer every AWS SDK understands: the code in {@code x-amzn-ErrorType} and {@code __type}, the
     * text in {@code message} (what SDKs show) and {@code exceptionMessage} (the modeled member).
     */
    public static WireResponse error(ErrorType type, String message) {
        ObjectNode body = JsonDocuments.object();
        body.put("__type", type.code());
        body.put("message", message);
        body.put("exceptionMessage", message);
        WireResponse response = json(type.httpStatus(), body);
        response.headers.put("x-amzn-ErrorType", type.code());
        return response;
    }

    /** Close the connection without answering (a fault the admin API injects). */
    public static WireResponse droppedConnection() {
        return new WireResponse(0, Map.of(), null, true);
    }

    /** The same answer, closing the connection after it (the rest of the request was not read). */
    public WireResponse closingConnection() {
        Map<String, String> closing = new LinkedHashMap<>(headers);
        closing.put("Connection", "close");
        return new WireResponse(status, closing, body, dropConnection);
    }
}
