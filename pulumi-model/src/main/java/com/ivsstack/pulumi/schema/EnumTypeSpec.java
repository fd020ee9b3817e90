package com.ivsstack.pulumi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A named enum from {@code types}, over a primitive. */
public record EnumTypeSpec(Token token, String description, TypeSpec.PrimitiveKind underlying, List<Value> values) {

    /** The values as text, in the schema's order: {@code LOW}, {@code NORMAL}. */
    public List<String> valueTexts() {
        var texts = new ArrayList<String>(values.size());
        values.forEach(value -> texts.add(value.value().asText()));
        return texts;
    }

    /** One enum case; {@code name} is the schema's name or null when the schema gives only the value. */
    public record Value(String name, JsonNode value, String description, String deprecationMessage) {}
}
