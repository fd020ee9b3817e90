package com.ivsstack.provider.schema;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.TypeSpec;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.StreamingJson;
import com.ivsstack.pulumi.value.Unknown;

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

    /**
     * @param owner what the properties belong to, for messages: a resource or function token, or the provider's
     */
    public static Checked check(PackageSchema schema, String owner, ObjectShape shape, Map<String, Object> inputs) {
        var failures = new ArrayList<CheckFailure>();
        var values = checkObject(schema, owner, shape, inputs == null ? Map.of() : inputs, "", failures);
        return new Checked(values, failures);
    }

    /** Applies the schema's defaults (at every depth) without validating; for values that did not pass through check. */
    public static Map<String, Object> withDefaults(PackageSchema schema, ObjectShape shape, Map<String, Object> inputs) {
        return checkObject(schema, "", shape, inputs == null ? Map.of() : inputs, "", new ArrayList<>());
    }

    /** A short human-readable name of a type, used in check failures ("a string", "one of LOW, NORMAL"). */
    public static String describe(PackageSchema schema, TypeSpec type) {
        if (type instanceof TypeSpec.Primitive primitive) {
            return switch (primitive.kind()) {
                case STRING -> "a string";
                case BOOLEAN -> "a boolean";
                case INTEGER -> "an integer";
                case NUMBER -> "a number";
                case ANY -> "any value";
            };
        }
        if (type instanceof TypeSpec.ArrayOf) {
            return "a list";
        }
        if (type instanceof TypeSpec.MapOf map) {
            return "a map of " + describe(schema, map.values()).replaceFirst("^an? ", "") + " values";
        }
        var enumType = schema.enumOf(type);
        return enumType != null ? "one of " + String.join(", ", enumType.valueTexts()) : "an object";
    }

    private static Map<String, Object> checkObject(PackageSchema schema, String owner, ObjectShape shape,
                                                   Map<String, Object> input, String path, List<CheckFailure> failures) {
        var result = new LinkedHashMap<String, Object>();
        for (var entry : input.entrySet()) {
            var spec = shape.property(entry.getKey());
            String propertyPath = PropertyValues.path(path, entry.getKey());
            if (spec == null) {
                failures.add(new CheckFailure(propertyPath, "\"" + entry.getKey() + "\" is not a property of "
                        + owner + "; expected one of " + String.join(", ", new TreeSet<>(shape.declared().keySet()))));
                continue;
            }
            if (entry.getValue() == null) {
                continue;
            }
            result.put(entry.getKey(), checkValue(schema, spec.type(), entry.getValue(), propertyPath, failures));
        }
        for (var spec : shape.declared().values()) {
            if (!result.containsKey(spec.name()) && spec.plainDefault() != null) {
                result.put(spec.name(), checkValue(schema, spec.type(), spec.plainDefault(),
                        PropertyValues.path(path, spec.name()), failures));
            }
        }
        for (String name : shape.required()) {
            if (!result.containsKey(name)) {
                failures.add(new CheckFailure(PropertyValues.path(path, name), "missing required property \"" + name
                        + "\"; " + shape.property(name).description()));
            }
        }
        return result;
    }

    private static Object checkValue(PackageSchema schema, TypeSpec type, Object value, String path,
                                     List<CheckFailure> failures) {
        if (value instanceof Secret secret) {
            return new Secret(checkValue(schema, type, secret.value(), path, failures));
        }
        if (value == Unknown.VALUE) {
            return value;
        }
        if (type instanceof TypeSpec.Primitive primitive) {
            return checkPrimitive(schema, primitive, value, path, failures);
        }
        var enumType = schema.enumOf(type);
        if (enumType != null) {
            if (!(value instanceof String s) || !enumType.valueTexts().contains(s)) {
                failures.add(new CheckFailure(path, PropertyValues.show(value) + " is not valid: must be "
                        + describe(schema, type)));
            }
            return value;
        }
        if (type instanceof TypeSpec.ArrayOf arrayOf) {
            if (!(value instanceof List<?> list)) {
                failures.add(new CheckFailure(path, PropertyValues.show(value) + " is not valid: must be a list"));
                return value;
            }
            var result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                result.add(list.get(i) == null ? null
                        : checkValue(schema, arrayOf.items(), list.get(i), PropertyValues.index(path, i), failures));
            }
            return result;
        }
        if (type instanceof TypeSpec.MapOf mapOf) {
            if (value instanceof String text && text.strip().startsWith("{")) {
                // Stack config such as ivs:defaultTags reaches the provider as JSON text, like "5" for numbers.
                try {
                    return checkValue(schema, type, StreamingJson.mapper().readValue(text, Map.class), path, failures);
                } catch (java.io.IOException notJson) {
                    // reported below as not a map
                }
            }
            if (!(value instanceof Map<?, ?> map)) {
                failures.add(new CheckFailure(path, PropertyValues.show(value) + " is not valid: must be "
                        + describe(schema, type)));
                return value;
            }
            var result = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null
                    : checkValue(schema, mapOf.values(), v, PropertyValues.path(path, String.valueOf(k)), failures)));
            return result;
        }
        var objectType = schema.objectOf(type);
        if (!(value instanceof Map<?, ?> map)) {
            failures.add(new CheckFailure(path, PropertyValues.show(value) + " is not valid: must be an object ("
                    + objectType.token().text() + ")"));
            return value;
        }
        @SuppressWarnings("unchecked") var object = (Map<String, Object>) map;
        return checkObject(schema, objectType.token().text(), objectType.shape(), object, path, failures);
    }

    private static Object checkPrimitive(PackageSchema schema, TypeSpec.Primitive type, Object value, String path,
                                         List<CheckFailure> failures) {
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
        failures.add(new CheckFailure(path, PropertyValues.show(value) + " is not valid: must be " + describe(schema, type)));
        return value;
    }
}
