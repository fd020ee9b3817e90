package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A JSON boolean. */
public final class BooleanShape implements Shape {
    BooleanShape() {
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isBoolean()) {
            errors.add(Shape.violation(node, path, "Member must be a boolean"));
        }
    }
}
