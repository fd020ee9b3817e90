package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One constraint set of the service model (a Smithy shape): checks a JSON value and adds one message per
 * violated rule, in the wording AWS uses ("Value 'x' at 'name' failed to satisfy constraint: ...").
 */
public interface Shape {

    /** Adds a message to {@code errors} for every rule {@code node} (never null, never JSON null) breaks. */
    void check(JsonNode node, String path, List<String> errors);

    static String describe(JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    static String violation(JsonNode node, String path, String constraint) {
        return "Value '" + describe(node) + "' at '" + path + "' failed to satisfy constraint: " + constraint;
    }
}
