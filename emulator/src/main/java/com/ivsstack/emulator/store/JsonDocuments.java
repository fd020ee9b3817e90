package com.ivsstack.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one Jackson mapper of the endpoint, and helpers for building the JSON documents of the API. */
public final class JsonDocuments {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonDocuments() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** An ISO-8601 timestamp with milliseconds, as the service sends them ({@code 2023-10-16T23:24:00.786Z}). */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The text of {@code node.name}, or {@code fallback} when it is missing or null. */
    public static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    public static boolean has(JsonNode node, String name) {
        return node != null && node.hasNonNull(name);
    }
}
