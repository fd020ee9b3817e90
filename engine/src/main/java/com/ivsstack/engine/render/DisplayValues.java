package com.ivsstack.engine.render;

import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Property values as people and tools see them: secrets as [secret], unknowns as [unknown]. */
public final class DisplayValues {
    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "[unknown]";

    private DisplayValues() {
    }

    /** A compact, JSON-like rendering on one line. */
    public static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Secret) {
            return SECRET;
        }
        if (PropertyValues.isUnknown(value)) {
            return UNKNOWN;
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(m).forEach((k, v) -> parts.add(k + ": " + format(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(v -> parts.add(format(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(value);
    }

    /** The value with secrets replaced by [secret] and unknowns by [unknown], for JSON output. */
    public static Object masked(Object value) {
        if (value instanceof Secret) {
            return SECRET;
        }
        if (PropertyValues.isUnknown(value)) {
            return UNKNOWN;
        }
        if (value instanceof Map<?, ?> m) {
            // Sorted keys: the same plan renders the same document.
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put((String) k, masked(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(masked(v)));
            return out;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return value;
    }

    /** Stack outputs for display; secrets shown only when asked. */
    public static Object revealIf(Object value, boolean showSecrets) {
        return showSecrets ? masked(PropertyValues.deepUnwrap(value)) : masked(value);
    }
}
