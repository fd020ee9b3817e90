package com.ivsstack.engine.value;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between {@code google.protobuf.Struct} as the Pulumi wire protocol uses it and plain Java values. */
public final class StructCodec {
    public static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    public static final String RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    public static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    private StructCodec() {
    }

    public static Map<String, Object> fromStruct(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (struct == null) {
            return out;
        }
        // Sorted keys keep diffs and state files stable whatever order the sender used.
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), fromValue(e.getValue())));
        return out;
    }

    public static Object fromValue(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE:
                return value.getNumberValue();
            case STRING_VALUE:
                return value.getStringValue();
            case LIST_VALUE: {
                List<Object> list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(v -> list.add(fromValue(v)));
                return list;
            }
            case STRUCT_VALUE: {
                Struct s = value.getStructValue();
                Value sig = s.getFieldsMap().get(SIG_KEY);
                if (sig != null) {
                    return fromSpecial(sig.getStringValue(), s);
                }
                return fromStruct(s);
            }
            default:
                throw new IllegalArgumentException("unsupported protobuf value kind " + value.getKindCase());
        }
    }

    private static Object fromSpecial(String sig, Struct s) {
        switch (sig) {
            case SECRET_SIG:
                return new Secret(fromValue(s.getFieldsOrDefault("value", nullValue())));
            case OUTPUT_SIG: {
                Value v = s.getFieldsMap().get("value");
                Object inner = v == null ? Values.UNKNOWN : fromValue(v);
                Value secret = s.getFieldsMap().get("secret");
                return secret != null && secret.getBoolValue() ? new Secret(inner) : inner;
            }
            case RESOURCE_REF_SIG: {
                // References degrade to their id (custom resources) or URN, as for a monitor without resourceReferences.
                Value id = s.getFieldsMap().get("id");
                if (id != null && !id.getStringValue().isEmpty()) {
                    return id.getStringValue();
                }
                return s.getFieldsOrDefault("urn", nullValue()).getStringValue();
            }
            default:
                throw new IllegalArgumentException("unsupported special value with signature " + sig
                        + " (assets and archives are not used by the ivs package)");
        }
    }

    public static Struct toStruct(Map<String, Object> map) {
        Struct.Builder b = Struct.newBuilder();
        if (map != null) {
            map.forEach((k, v) -> b.putFields(k, toValue(v)));
        }
        return b.build();
    }

    public static Value toValue(Object value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (value instanceof Secret secret) {
            Struct s = Struct.newBuilder()
                    .putFields(SIG_KEY, Value.newBuilder().setStringValue(SECRET_SIG).build())
                    .putFields("value", toValue(secret.value()))
                    .build();
            return Value.newBuilder().setStructValue(s).build();
        }
        if (value instanceof Map<?, ?> m) {
            Struct.Builder b = Struct.newBuilder();
            m.forEach((k, v) -> b.putFields((String) k, toValue(v)));
            return Value.newBuilder().setStructValue(b).build();
        }
        if (value instanceof List<?> l) {
            ListValue.Builder lb = ListValue.newBuilder();
            l.forEach(v -> lb.addValues(toValue(v)));
            return Value.newBuilder().setListValue(lb).build();
        }
        throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as a property value");
    }

    private static Value nullValue() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
}
