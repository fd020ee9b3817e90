package com.ivsstack.pulumi.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Helpers for Pulumi property values as plain Java objects: {@code null}, String, Boolean, Number, {@code List<Object>},
 * {@code Map<String, Object>} (in insertion order), plus the markers {@link Unknown#VALUE} and {@link Secret}. A
 * resource reference is a {@link ResourceReference}, or what the reader's decoding made of it (a provider sees an id).
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    public static boolean isUnknown(Object value) {
        return Secret.unwrap(value) == Unknown.VALUE;
    }

    /** Whether an unknown value appears anywhere inside {@code value}. */
    public static boolean containsUnknown(Object value) {
        return anyWithin(value, PropertyValues::isUnknown);
    }

    /** The value with every secret wrapper removed, at any depth. */
    public static Object deepUnwrap(Object value) {
        Object plain = Secret.unwrap(value);
        if (plain instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepUnwrap(v)));
            return copy;
        }
        if (plain instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepUnwrap(v)));
            return copy;
        }
        return plain;
    }

    /** Whether {@code value} is, or contains, a secret. */
    public static boolean containsSecret(Object value) {
        return anyWithin(value, v -> v instanceof Secret);
    }

    /** Whether {@code found} holds for the value or for anything inside it: map values, list items, secrets. */
    private static boolean anyWithin(Object value, Predicate<Object> found) {
        if (found.test(value)) {
            return true;
        }
        Object plain = Secret.unwrap(value);
        if (plain instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> anyWithin(v, found));
        }
        if (plain instanceof List<?> list) {
            return list.stream().anyMatch(v -> anyWithin(v, found));
        }
        return false;
    }

    /** Equality that ignores secret wrappers and compares numbers by value (60 equals 60.0). */
    public static boolean same(Object a, Object b) {
        Object x = Secret.unwrap(a);
        Object y = Secret.unwrap(b);
        if (x instanceof Number n && y instanceof Number m) {
            return Double.compare(n.doubleValue(), m.doubleValue()) == 0;
        }
        if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
            if (!mx.keySet().equals(my.keySet())) {
                return false;
            }
            return mx.entrySet().stream().allMatch(e -> same(e.getValue(), my.get(e.getKey())));
        }
        if (x instanceof List<?> lx && y instanceof List<?> ly) {
            if (lx.size() != ly.size()) {
                return false;
            }
            for (int i = 0; i < lx.size(); i++) {
                if (!same(lx.get(i), ly.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(x, y);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        Object plain = Secret.unwrap(value);
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        Object plain = Secret.unwrap(value);
        return plain instanceof List<?> list ? (List<Object>) list : null;
    }

    /** The plain string at {@code key}, or null when absent, unknown or not a string. */
    public static String string(Map<String, Object> map, String key) {
        if (map == null) {
            return null;
        }
        return Secret.unwrap(map.get(key)) instanceof String s ? s : null;
    }

    public static Boolean bool(Map<String, Object> map, String key) {
        if (map == null) {
            return null;
        }
        return Secret.unwrap(map.get(key)) instanceof Boolean b ? b : null;
    }

    public static Long integer(Map<String, Object> map, String key) {
        if (map == null) {
            return null;
        }
        return Secret.unwrap(map.get(key)) instanceof Number n ? n.longValue() : null;
    }

    public static Double number(Map<String, Object> map, String key) {
        if (map == null) {
            return null;
        }
        return Secret.unwrap(map.get(key)) instanceof Number n ? n.doubleValue() : null;
    }

    /** A map of plain strings (secrets unwrapped); null entries dropped. */
    public static Map<String, String> stringMap(Object value) {
        var map = asMap(value);
        var result = new LinkedHashMap<String, String>();
        if (map != null) {
            map.forEach((k, v) -> {
                Object plain = Secret.unwrap(v);
                if (plain instanceof String s) {
                    result.put(k, s);
                }
            });
        }
        return result;
    }

    public static List<String> stringList(Object value) {
        var list = asList(value);
        var result = new ArrayList<String>();
        if (list != null) {
            list.forEach(v -> {
                if (Secret.unwrap(v) instanceof String s) {
                    result.add(s);
                }
            });
        }
        return result;
    }

    /** A deep, mutable copy (secret wrappers kept). */
    public static Map<String, Object> copy(Map<String, Object> map) {
        var result = new LinkedHashMap<String, Object>();
        if (map != null) {
            map.forEach((k, v) -> result.put(k, copyValue(v)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Secret secret) {
            return new Secret(copyValue(secret.value()));
        }
        if (value instanceof Map<?, ?> map) {
            return copy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            var result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(copyValue(v)));
            return result;
        }
        return value;
    }

    /**
     * Renders a property path segment: {@code a.b} for plain names, {@code a["x.y"]} otherwise, with {@code \} and
     * {@code "} escaped inside the brackets (as the wire codec writes paths) so every name reads back unambiguously.
     */
    public static String path(String parent, String key) {
        boolean plain = key.matches("[A-Za-z_][A-Za-z0-9_]*");
        String quoted = "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        if (parent == null || parent.isEmpty()) {
            return plain ? key : quoted;
        }
        return plain ? parent + "." + key : parent + quoted;
    }

    /** {@code path(path(parent, key), more...)}: a path several names deep. */
    public static String path(String parent, String key, String... more) {
        String result = path(parent, key);
        for (String next : more) {
            result = path(result, next);
        }
        return result;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A short rendering of a value for messages; secrets never appear. */
    public static String show(Object value) {
        if (value instanceof Secret) {
            return "[secret]";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
        }
        return String.valueOf(value);
    }
}
