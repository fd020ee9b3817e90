package com.ivsstack.sdkgen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A named enum from {@code types}, over a primitive. */
public record EnumTypeSpec(Token token, String description, TypeSpec.PrimitiveKind underlying, List<Value> values) {

    /** One enum case; {@code name} is the schema's name or null when the schema gives only the value. */
    public record Value(String name, JsonNode value, String description, String deprecationMessage) {}
}
