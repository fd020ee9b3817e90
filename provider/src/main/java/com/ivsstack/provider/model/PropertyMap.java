package com.ivsstack.provider.model;

import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed view over one map of property values, as the provider API carries them: the base of the models that the
 * build generates from schema.json (resource inputs and outputs, object types, function arguments and results), so
 * that resource code reads {@code inputs.latencyMode()} instead of spelling keys. A getter reads through a secret to
 * its value; a value that is unknown, absent or of another kind than the schema says reads as null (check reports the
 * kind; {@link #get} gives the value as it is). Lists and maps of strings read as empty when absent.
 */
public abstract class PropertyMap {

    private final Map<String, Object> values;

    protected PropertyMap(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The values, as the provider API carries them. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The value as given: possibly {@link com.ivsstack.pulumi.value.Unknown}, a secret, or of another kind. */
    public Object get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + values;
    }

    protected String string(String name) {
        return PropertyValues.string(values, name);
    }

    protected Boolean bool(String name) {
        return PropertyValues.bool(values, name);
    }

    protected Long integer(String name) {
        return PropertyValues.integer(values, name);
    }

    protected Double number(String name) {
        return PropertyValues.number(values, name);
    }

    protected List<String> stringList(String name) {
        return PropertyValues.stringList(values.get(name));
    }

    protected List<Object> list(String name) {
        return PropertyValues.asList(values.get(name));
    }

    protected Map<String, String> stringMap(String name) {
        return PropertyValues.stringMap(values.get(name));
    }

    protected Map<String, Object> map(String name) {
        return PropertyValues.asMap(values.get(name));
    }

    protected <T> T object(String name, Function<Map<String, Object>, T> view) {
        var map = PropertyValues.asMap(values.get(name));
        return map == null ? null : view.apply(map);
    }

    /** The elements that are objects, each as its view; null when the list is absent. */
    protected <T> List<T> objects(String name, Function<Map<String, Object>, T> view) {
        var list = PropertyValues.asList(values.get(name));
        if (list == null) {
            return null;
        }
        var result = new ArrayList<T>(list.size());
        for (Object element : list) {
            var map = PropertyValues.asMap(element);
            if (map != null) {
                result.add(view.apply(map));
            }
        }
        return result;
    }

    /** The values of {@code source} named in {@code names}, in the source's order: one model's values as another's. */
    protected static Map<String, Object> select(PropertyMap source, Set<String> names) {
        var result = new LinkedHashMap<String, Object>();
        source.values.forEach((name, value) -> {
            if (names.contains(name)) {
                result.put(name, value);
            }
        });
        return result;
    }

    /** Collects values in the order they are set; a null value is left out, as the provider never returns nulls. */
    public abstract static class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        protected final void put(String name, Object value) {
            if (value != null) {
                values.put(name, value);
            }
        }

        protected final void putAll(Map<String, Object> given) {
            given.forEach(this::put);
        }

        /** A copy of what was set: the builder may go on. */
        protected final Map<String, Object> values() {
            return new LinkedHashMap<>(values);
        }

        /** Integers travel as longs, whatever width AWS gives them. */
        protected static Long integer(Number value) {
            return value == null ? null : value.longValue();
        }

        /** Numbers travel as doubles. */
        protected static Double number(Number value) {
            return value == null ? null : value.doubleValue();
        }

        protected static List<Object> list(List<?> value) {
            return value == null ? null : new ArrayList<>(value);
        }

        protected static Map<String, Object> object(PropertyMap value) {
            return value == null ? null : value.asMap();
        }

        protected static List<Object> objects(List<? extends PropertyMap> value) {
            if (value == null) {
                return null;
            }
            var result = new ArrayList<Object>(value.size());
            value.forEach(element -> result.add(element.asMap()));
            return result;
        }
    }
}
