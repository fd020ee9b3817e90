package com.ivsstack.provider.schema;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.Secret;
import com.ivsstack.provider.api.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The generic half of check, driven by schema.json: applies defaults, normalises numbers, and reports every value of
 * the wrong type, every value outside its enum, every missing required property and every unknown property name.
 * Unknown values (preview) pass through untouched; secret wrappers are kept.
 */
public final class InputChecker {

    /** The checked inputs (defaults applied) and what is wrong with them. */
    public record Checked(Map<String, Object> values, List<CheckFailure> failures) {
    }

    private InputChecker() {
    }

    public static Checked check(ObjectSchema schema, Map<String, Object> inputs) {
        var failures = new ArrayList<CheckFailure>();
        var values = checkObject(schema, inputs == null ? Map.of() : inputs, "", failures);
        return new Checked(values, failures);
    }

    /** Applies the schema's defaults (at every depth) without validating; for values that did not pass through check. */
    public static Map<String, Object> withDefaults(ObjectSchema schema, Map<String, Object> inputs) {
        return checkObject(schema, inputs == null ? Map.of() : inputs, "", new ArrayList<>());
    }

    private static Map<String, Object> checkObject(ObjectSchema schema, Map<String, Object> input, String path,
                                                   List<CheckFailure> failures) {
        var result = new LinkedHashMap<String, Object>();
        for (var entry : input.entrySet()) {
            var spec = schema.property(entry.getKey());
            String propertyPath = Values.path(path, entry.getKey());
            if (spec == null) {
                failures.add(new CheckFailure(propertyPath, "\"" + entry.getKey() + "\" is not a property of "
                        + schema.token() + "; expected one of " + String.join(", ", new TreeSet<>(schema.properties().keySet()))));
                continue;
            }
            if (entry.getValue() == null) {
                continue;
            }
            result.put(entry.getKey(), checkValue(spec.type(), entry.getValue(), propertyPath, failures));
        }
        for (var spec : schema.properties().values()) {
            if (!result.containsKey(spec.name()) && spec.defaultValue() != null) {
                result.put(spec.name(), checkValue(spec.type(), spec.defaultValue(), Values.path(path, spec.name()), failures));
            }
        }
        for (String name : schema.required()) {
            if (!result.containsKey(name)) {
                failures.add(new CheckFailure(Values.path(path, name), "missing required property \"" + name + "\"; "
                        + schema.property(name).description()));
            }
        }
        return result;
    }

    private static Object checkValue(TypeRef type, Object value, String path, List<CheckFailure> failures) {
        if (value instanceof Secret secret) {
            return new Secret(checkValue(type, secret.value(), path, failures));
        }
        if (value == Unknown.VALUE) {
            return value;
        }
        if (type instanceof TypeRef.Primitive primitive) {
            return checkPrimitive(primitive, value, path, failures);
        }
        if (type instanceof TypeRef.EnumOf enumOf) {
            if (!(value instanceof String s) || !enumOf.values().contains(s)) {
                failures.add(new CheckFailure(path, Values.show(value) + " is not valid: must be " + enumOf.describe()));
            }
            return value;
        }
        if (type instanceof TypeRef.ArrayOf arrayOf) {
            if (!(value instanceof List<?> list)) {
                failures.add(new CheckFailure(path, Values.show(value) + " is not valid: must be a list"));
                return value;
            }
            var result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                result.add(list.get(i) == null ? null : checkValue(arrayOf.items(), list.get(i), Values.index(path, i), failures));
            }
            return result;
        }
        if (type instanceof TypeRef.MapOf mapOf) {
            if (value instanceof String text && text.strip().startsWith("{")) {
                // Stack config such as ivs:defaultTags reaches the provider as JSON text, like "5" for numbers.
                try {
                    return checkValue(type, Json.mapper().readValue(text, Map.class), path, failures);
                } catch (java.io.IOException notJson) {
                    // reported below as not a map
                }
            }
            if (!(value instanceof Map<?, ?> map)) {
                failures.add(new CheckFailure(path, Values.show(value) + " is not valid: must be " + mapOf.describe()));
                return value;
            }
            var result = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> result.put(String.valueOf(k),
                    v == null ? null : checkValue(mapOf.values(), v, Values.path(path, String.valueOf(k)), failures)));
            return result;
        }
        var objectOf = (TypeRef.ObjectOf) type;
        if (!(value instanceof Map<?, ?> map)) {
            failures.add(new CheckFailure(path, Values.show(value) + " is not valid: must be an object ("
                    + objectOf.token() + ")"));
            return value;
        }
        @SuppressWarnings("unchecked") var object = (Map<String, Object>) map;
        return checkObject(objectOf.objectSchema(), object, path, failures);
    }

    private static Object checkPrimitive(TypeRef.Primitive type, Object value, String path, List<CheckFailure> failures) {
        switch (type.kind()) {
            case STRING -> {
                if (value instanceof String) {
                    return value;
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    return value;
                }
                if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
                    return Boolean.parseBoolean(s);
                }
            }
            case INTEGER -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
                    return n.longValue();
                }
                if (value instanceof String s && s.matches("-?[0-9]{1,18}")) {
                    return Long.parseLong(s);
                }
            }
            case NUMBER -> {
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                if (value instanceof String s) {
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                }
            }
            case ANY -> {
                return value;
            }
        }
        failures.add(new CheckFailure(path, Values.show(value) + " is not valid: must be " + type.describe()));
        return value;
    }
}
