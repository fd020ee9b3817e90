package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;

/** A JSON object used as a string map, with an entry count range and key and value shapes. */
public final class MapShape implements Shape {
    private final Shape key;
    private final Shape value;
    private int minSize;
    private int maxSize = Integer.MAX_VALUE;

    MapShape(Shape key, Shape value) {
        this.key = key;
        this.value = value;
    }

    public MapShape size(int min, int max) {
        this.minSize = min;
        this.maxSize = max;
        return this;
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isObject()) {
            errors.add(Shape.violation(node, path, "Member must be a map"));
            return;
        }
        if (node.size() < minSize) {
            errors.add(Shape.violation(node, path, "Member must have length greater than or equal to " + minSize));
        }
        if (node.size() > maxSize) {
            errors.add("Value at '" + path + "' failed to satisfy constraint: Member must have length less than or"
                    + " equal to " + maxSize + " (it has " + node.size() + " entries)");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            key.check(TextNode.valueOf(entry.getKey()), path + ".key", errors);
            if (entry.getValue().isNull()) {
                errors.add("Value null at '" + path + "." + entry.getKey() + "' failed to satisfy constraint: "
                        + "Member must not be null");
            } else {
                value.check(entry.getValue(), path + "." + entry.getKey(), errors);
            }
        }
    }
}
