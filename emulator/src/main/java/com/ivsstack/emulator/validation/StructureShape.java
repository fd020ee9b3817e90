package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON object with named members, some of them required. Unknown members are ignored, as AWS does. */
public final class StructureShape implements Shape {
    private record Member(Shape shape, boolean required) {
    }

    private final Map<String, Member> members = new LinkedHashMap<>();

    StructureShape() {
    }

    public StructureShape required(String name, Shape shape) {
        members.put(name, new Member(shape, true));
        return this;
    }

    public StructureShape optional(String name, Shape shape) {
        members.put(name, new Member(shape, false));
        return this;
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isObject()) {
            errors.add(Shape.violation(node, path, "Member must be a structure"));
            return;
        }
        members.forEach((name, member) -> {
            JsonNode value = node.get(name);
            String memberPath = path.isEmpty() ? name : path + "." + name;
            if (value == null || value.isNull()) {
                if (member.required()) {
                    errors.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
                }
            } else {
                member.shape().check(value, memberPath, errors);
            }
        });
    }
}
