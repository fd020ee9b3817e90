package com.ivsstack.bench.plugin;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.List;
import java.util.Map;

/** Plain values to the protobuf Struct the provider protocol carries (no secrets or unknowns needed here). */
public final class Wire {

    private Wire() {
    }

    public static Struct struct(Map<String, ?> values) {
        var builder = Struct.newBuilder();
        values.forEach((key, value) -> builder.putFields(key, value(value)));
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(struct((Map<String, ?>) map)).build();
        }
        if (value instanceof List<?> list) {
            var items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        throw new IllegalArgumentException("no wire form for " + value.getClass());
    }

    /** The string field of a Struct, looking inside a secret wrapper. */
    public static String string(Struct struct, String key) {
        Value value = struct.getFieldsOrDefault(key, Value.getDefaultInstance());
        if (value.hasStructValue() && value.getStructValue().containsFields("value")) {
            value = value.getStructValue().getFieldsOrThrow("value");
        }
        return value.getStringValue();
    }
}
