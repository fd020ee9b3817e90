package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A JSON array with a size range whose items all have one shape. */
public final class ListShape implements Shape {
    private final Shape item;
    private int minSize;
    private int maxSize = Integer.MAX_VALUE;

    ListShape(Shape item) {
        this.item = item;
    }

    public ListShape size(int min, int max) {
        this.minSize = min;
        this.maxSize = max;
        return this;
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isArray()) {
            errors.add(Shape.violation(node, path, "Member must be a list"));
            return;
        }
        if (node.size() < minSize) {
            errors.add(Shape.violation(node, path, "Member must have length greater than or equal to " + minSize));
        }
        if (node.size() > maxSize) {
            errors.add(Shape.violation(node, path, "Member must have length less than or equal to " + maxSize));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (value.isNull()) {
                errors.add("Value null at '" + itemPath + "' failed to satisfy constraint: Member must not be null");
            } else {
                item.check(value, itemPath, errors);
            }
        }
    }
}
