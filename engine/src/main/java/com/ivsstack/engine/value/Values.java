package com.ivsstack.engine.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Property values as plain Java objects: String, Boolean, Double, List, Map (insertion ordered), null,
 * {@link Secret}, and the unknown sentinels of the Pulumi wire protocol (plain strings).
 */
public final class Values {
    /** The generic unknown ("computed") value; the Java SDK only knows this one. */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public static final Set<String> UNKNOWN_SENTINELS = Set.of(
            UNKNOWN,
            "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
            "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
            "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
            "030794c1-ac77-496b-92df-f27374a8bd58",
            "e48ece36-62e2-4504-bad9-02848725956a",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff");

    private Values() {
    }

    public static boolean isUnknown(Object value) {
        return value instanceof String s && UNKNOWN_SENTINELS.contains(s);
    }

    /** True when the value or anything nested in it is unknown. */
    public static boolean containsUnknown(Object value) {
        if (isUnknown(value)) {
            return true;
        }
        if (value instanceof Secret s) {
            return containsUnknown(s.value());
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(Values::containsUnknown);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(Values::containsUnknown);
        }
        return false;
    }

    public static boolean containsSecret(Object value) {
        if (value instanceof Secret) {
            return true;
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(Values::containsSecret);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(Values::containsSecret);
        }
        return false;
    }

    /** The value with every secret wrapper removed (for comparisons). */
    public static Object reveal(Object value) {
        if (value instanceof Secret s) {
            return reveal(s.value());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, reveal(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(reveal(v)));
            return out;
        }
        return value;
    }

    /** Deep equality that ignores secretness and treats integral doubles like their integers. */
    public static boolean sameValue(Object a, Object b) {
        Object ra = normalizeNumbers(reveal(a));
        Object rb = normalizeNumbers(reveal(b));
        return Objects.equals(ra, rb);
    }

    private static Object normalizeNumbers(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, normalizeNumbers(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(normalizeNumbers(v)));
            return out;
        }
        return value;
    }

    public static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }
}
