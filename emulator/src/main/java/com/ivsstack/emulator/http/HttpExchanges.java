package com.ivsstack.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.service.ErrorType;
import com.ivsstack.emulator.store.JsonDocuments;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reading requests and writing answers in the services' restJson1 format. */
public final class HttpExchanges {
    /** No IVS request comes near this (the largest, PutMetadata, carries 1 KB); bigger bodies are refused unread. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a refused body is still read away, so that the client gets to read the 413. */
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private HttpExchanges() {
    }

    /** The request body as a JSON object; an empty body is {@code {}}. Anything else is a 400. */
    public static ObjectNode readJsonObject(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            drain(exchange.getRequestBody());
            exchange.getResponseHeaders().set("Connection", "close");
            throw new ApiException(ErrorType.REQUEST_TOO_LARGE, "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes; IVS requests are small JSON documents");
        }
        if (body.length == 0) {
            return JsonDocuments.object();
        }
        JsonNode node;
        try {
            // Trailing tokens make the body malformed, as the service says; Jackson ignores them by default.
            node = JsonDocuments.MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorType.SERIALIZATION, "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return JsonDocuments.object();
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorType.SERIALIZATION, "The request body must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0) {
            drained += n;
        }
    }

    /** 200 with a JSON body, or 204 and no body when {@code body} is null or the status is 204. */
    public static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (status == 204 || body == null) {
            exchange.sendResponseHeaders(status == 200 ? 200 : status, status == 204 ? -1 : 0);
            if (status != 204) {
                exchange.getResponseBody().close();
            }
            exchange.close();
            return;
        }
        byte[] bytes = JsonDocuments.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The error answer every AWS SDK understands: the code in {@code x-amzn-ErrorType} and {@code __type}, the
     * text in {@code message} (what SDKs show) and {@code exceptionMessage} (the modeled member).
     */
    public static void sendError(HttpExchange exchange, ErrorType type, String message) throws IOException {
        ObjectNode body = JsonDocuments.object();
        body.put("__type", type.code());
        body.put("message", message);
        body.put("exceptionMessage", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type.code());
        sendJson(exchange, type.httpStatus(), body);
    }

    /** Percent-decodes one path segment or query part; '+' stays a plus (it is not a space in paths). */
    public static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Every value of a (possibly repeated) query parameter, decoded. */
    public static List<String> queryValues(HttpExchange exchange, String name) {
        List<String> values = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
