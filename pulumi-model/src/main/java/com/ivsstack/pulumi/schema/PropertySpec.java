package com.ivsstack.pulumi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One property of an object, resource, function or config block.
 *
 * @param defaultValue the schema's {@code default} as written, or null
 * @param defaultEnvironment the variables of {@code defaultInfo.environment}, read when no value is given
 */
public record PropertySpec(
        String name,
        TypeSpec type,
        String description,
        JsonNode defaultValue,
        List<String> defaultEnvironment,
        boolean secret,
        boolean replaceOnChanges,
        String deprecationMessage) {

    public boolean hasDefault() {
        return defaultValue != null || !defaultEnvironment.isEmpty();
    }

    /** The schema's {@code default} as a property value (Boolean, Long, Double or String), or null. */
    public Object plainDefault() {
        if (defaultValue == null) {
            return null;
        }
        if (defaultValue.isBoolean()) {
            return defaultValue.booleanValue();
        }
        if (defaultValue.isIntegralNumber()) {
            return defaultValue.longValue();
        }
        if (defaultValue.isNumber()) {
            return defaultValue.doubleValue();
        }
        return defaultValue.asText();
    }
}
