package com.ivsstack.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.service.ErrorType;
import com.ivsstack.emulator.store.JsonDocuments;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the endpoint's handlers see it: the method, the path and query exactly as they arrived (still
 * percent-encoded, so that routing never sees a decoded {@code %2F} or {@code ..}), the headers and the whole body.
 *
 * @param headers by lower-case name
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    /** The header's value, or null; names are case-insensitive. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The path's segments, still percent-encoded; {@code /a/b%2Fc} gives {@code [a, b%2Fc]}. */
    public List<String> rawSegments() {
        List<String> segments = new ArrayList<>(List.of(rawPath.split("/", -1)));
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        return segments;
    }

    /** The body as a JSON object; an empty body is {@code {}}. Anything else is a 400 SerializationException. */
    public ObjectNode jsonBody() {
        if (body.length == 0) {
            return JsonDocuments.object();
        }
        JsonNode node;
        try {
            // Trailing tokens make the body malformed, as the service says; Jackson ignores them by default.
            node = JsonDocuments.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorType.SERIALIZATION, "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ErrorType.SERIALIZATION, "The request body cannot be read: " + e.getMessage());
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

    /** Every value of a (possibly repeated) query parameter, decoded. */
    public List<String> queryValues(String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (decodeQueryPart(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                values.add(eq < 0 ? "" : decodeQueryPart(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** Percent-decodes one path segment; '+' stays a plus (it is not a space in paths). A bad escape is a 400. */
    public static String decodePathSegment(String raw) {
        return decode(raw.replace("+", "%2B"), "path segment");
    }

    private static String decodeQueryPart(String raw) {
        return decode(raw, "query parameter");
    }

    private static String decode(String raw, String what) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("The " + what + " '" + shorten(raw) + "' is not valid percent-encoding: "
                    + e.getMessage());
        }
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
