package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An integer, long or float with an inclusive range. */
public final class NumberShape implements Shape {
    private final boolean integral;
    private final double min;
    private final double max;

    NumberShape(boolean integral, double min, double max) {
        this.integral = integral;
        this.min = min;
        this.max = max;
    }

    @Override
    public void check(JsonNode node, String path, List<String> errors) {
        if (!node.isNumber() || (integral && !node.canConvertToLong())
                || (integral && node.isFloatingPointNumber() && node.asDouble() != Math.rint(node.asDouble()))) {
            errors.add(Shape.violation(node, path, integral ? "Member must be an integer" : "Member must be a number"));
            return;
        }
        double value = node.asDouble();
        if (value < min) {
            errors.add(Shape.violation(node, path, "Member must have value greater than or equal to " + format(min)));
        }
        if (value > max) {
            errors.add(Shape.violation(node, path, "Member must have value less than or equal to " + format(max)));
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
