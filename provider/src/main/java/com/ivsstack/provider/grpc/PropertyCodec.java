package com.ivsstack.provider.grpc;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.provider.api.Secret;
import com.ivsstack.provider.api.Unknown;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates Pulumi property values between {@code google.protobuf.Struct}/{@code Value} and the provider API's plain
 * Java values.
 *
 * <p>Decoding: every one of the seven unknown sentinels becomes {@link Unknown#VALUE}; a secret object becomes a
 * {@link Secret} (a secret unknown stays {@code Secret(Unknown.VALUE)}); a resource reference becomes its id, or
 * {@link Unknown#VALUE} when its id is not known yet, or its URN when it has no id (a component); an output value
 * (never expected, we do not accept outputs) becomes its value or unknown. Numbers travel as doubles; an integral number
 * within +/-2^53 decodes as a {@link Long}, anything else as a {@link Double}. Assets, archives, byte strings and
 * unrecognised signatures are rejected with a {@link MalformedPropertyException} that names the property path.
 *
 * <p>Encoding: {@link Secret} becomes the secret object, {@link Unknown#VALUE} the generic string sentinel, but only
 * when the caller allows unknowns (preview results, Check and Diff); otherwise it is a provider bug, reported as
 * {@link IllegalStateException}.
 */
public final class PropertyCodec {

    /** Whether a result may carry unknown values. */
    public enum Unknowns { ALLOWED, REJECTED }

    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992d; // 2^53

    private PropertyCodec() {
    }

    /** Decodes a whole property map; an absent struct is an empty map. */
    public static Map<String, Object> decode(Struct struct) {
        return decodeStruct(struct == null ? Struct.getDefaultInstance() : struct, "");
    }

    public static Object decode(Value value) {
        return decodeValue(value, "");
    }

    public static Struct encode(Map<String, ?> properties, Unknowns unknowns) {
        return encodeMap(properties == null ? Map.of() : properties, "", unknowns);
    }

    public static Value encode(Object value, Unknowns unknowns) {
        return encodeValue(value, "", unknowns);
    }

    // ---- decoding -----------------------------------------------------------------------------------------------

    private static Map<String, Object> decodeStruct(Struct struct, String path) {
        var result = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> result.put(key, decodeValue(value, child(path, key))));
        return result;
    }

    private static Object decodeValue(Value value, String path) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> decodeNumber(value.getNumberValue());
            case STRING_VALUE -> WireSignatures.UNKNOWNS.contains(value.getStringValue())
                    ? Unknown.VALUE : value.getStringValue();
            case LIST_VALUE -> {
                var list = new ArrayList<Object>(value.getListValue().getValuesCount());
                var elements = value.getListValue().getValuesList();
                for (int i = 0; i < elements.size(); i++) {
                    list.add(decodeValue(elements.get(i), path + "[" + i + "]"));
                }
                yield list;
            }
            case STRUCT_VALUE -> decodeObject(value.getStructValue(), path);
        };
    }

    private static Object decodeNumber(double number) {
        if (number == Math.rint(number) && Math.abs(number) <= MAX_EXACT_INTEGER) {
            return (long) number;
        }
        return number;
    }

    private static Object decodeObject(Struct struct, String path) {
        Value signature = struct.getFieldsMap().get(WireSignatures.SIGNATURE_KEY);
        if (signature == null) {
            return decodeStruct(struct, path);
        }
        if (signature.getKindCase() != Value.KindCase.STRING_VALUE) {
            throw new MalformedPropertyException(path, "the special-value signature must be a string");
        }
        var fields = struct.getFieldsMap();
        return switch (signature.getStringValue()) {
            case WireSignatures.SECRET -> {
                if (!fields.containsKey("value")) {
                    throw new MalformedPropertyException(path, "a secret must carry a \"value\"");
                }
                yield Secret.wrap(decodeValue(fields.get("value"), path));
            }
            case WireSignatures.RESOURCE_REFERENCE -> decodeResourceReference(fields, path);
            case WireSignatures.OUTPUT_VALUE -> {
                Object inner = fields.containsKey("value") ? decodeValue(fields.get("value"), path) : Unknown.VALUE;
                Value secret = fields.get("secret");
                yield secret != null && secret.getBoolValue() ? Secret.wrap(inner) : inner;
            }
            case WireSignatures.ASSET, WireSignatures.ARCHIVE ->
                    throw new MalformedPropertyException(path, "assets and archives are not supported by IVS resources");
            case WireSignatures.BYTE_STRING ->
                    throw new MalformedPropertyException(path, "byte strings are not supported; use a UTF-8 string");
            default -> throw new MalformedPropertyException(path,
                    "unrecognised special-value signature \"" + signature.getStringValue() + "\"");
        };
    }

    /** A custom resource reference stands for its id (unknown while the id is), a component's for its URN. */
    private static Object decodeResourceReference(Map<String, Value> fields, String path) {
        Value urn = fields.get("urn");
        if (urn == null || urn.getKindCase() != Value.KindCase.STRING_VALUE || urn.getStringValue().isEmpty()) {
            throw new MalformedPropertyException(path, "a resource reference must carry a non-empty \"urn\" string");
        }
        Value id = fields.get("id");
        if (id == null) {
            return urn.getStringValue();
        }
        if (id.getKindCase() != Value.KindCase.STRING_VALUE) {
            throw new MalformedPropertyException(path, "a resource reference's \"id\" must be a string");
        }
        String idText = id.getStringValue();
        return idText.isEmpty() || WireSignatures.UNKNOWNS.contains(idText) ? Unknown.VALUE : idText;
    }

    // ---- encoding -----------------------------------------------------------------------------------------------

    private static Struct encodeMap(Map<?, ?> map, String path, Unknowns unknowns) {
        var struct = Struct.newBuilder();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalStateException("property " + path + ": map key " + key + " is not a string");
            }
            struct.putFields(name, encodeValue(value, child(path, name), unknowns));
        });
        return struct.build();
    }

    private static Value encodeValue(Object value, String path, Unknowns unknowns) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value == Unknown.VALUE) {
            if (unknowns == Unknowns.REJECTED) {
                throw new IllegalStateException("property " + path
                        + ": the provider returned an unknown value outside preview");
            }
            return Value.newBuilder().setStringValue(WireSignatures.UNKNOWN).build();
        }
        if (value instanceof Secret secret) {
            return Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields(WireSignatures.SIGNATURE_KEY, Value.newBuilder().setStringValue(WireSignatures.SECRET).build())
                    .putFields("value", encodeValue(secret.value(), path, unknowns))).build();
        }
        if (value instanceof CharSequence text) {
            return Value.newBuilder().setStringValue(text.toString()).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(toDouble(number)).build();
        }
        if (value instanceof Enum<?> constant) {
            return Value.newBuilder().setStringValue(constant.name()).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(encodeMap(map, path, unknowns)).build();
        }
        if (value instanceof Collection<?> collection) {
            var list = ListValue.newBuilder();
            int i = 0;
            for (Object element : collection) {
                list.addValues(encodeValue(element, path + "[" + i++ + "]", unknowns));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        throw new IllegalStateException("property " + path + ": cannot encode a " + value.getClass().getName());
    }

    private static double toDouble(Number number) {
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            return new BigDecimal(number.toString()).doubleValue();
        }
        return number.doubleValue();
    }

    /** Joins a property path the way Pulumi writes them: {@code a.b}, or {@code a["k.x"]} when the key needs quoting. */
    static String child(String path, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        if (plain) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
