package com.ivsstack.pulumi.wire;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.ResourceReference;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pulumi property values between {@code google.protobuf.Struct}/{@code Value}, as the engine and the providers send
 * them, and plain Java values ({@link PropertyValues}).
 *
 * <p>Decoding: every one of the seven unknown sentinels becomes {@link Unknown#VALUE}; a secret object becomes a
 * {@link Secret} (a secret unknown stays {@code Secret(Unknown.VALUE)}); a resource reference becomes a
 * {@link ResourceReference}, which the {@link Decoding} turns into what its reader wants; an output value becomes its
 * value (secret if it is) or unknown. Assets, archives, byte strings and unrecognised signatures are refused with a
 * {@link MalformedPropertyException} that names the property path.
 *
 * <p>Encoding: {@link Secret} becomes the secret object, {@link ResourceReference} the reference object,
 * {@link Unknown#VALUE} the generic unknown sentinel, but only where the caller allows unknowns; otherwise it is a
 * bug, reported as {@link IllegalStateException}.
 */
public final class StructCodec {

    /** Whether encoded values may carry unknowns (a preview's results, Check and Diff) or not. */
    public enum Unknowns { ALLOWED, REJECTED }

    /**
     * How decoded values look to their reader.
     *
     * @param sortKeys        object keys sorted by name instead of in the order sent
     * @param integersAsLongs an integral number within +/-2^53 as a {@link Long} (else every number is a Double)
     * @param references      what a resource reference becomes
     */
    public record Decoding(boolean sortKeys, boolean integersAsLongs, Function<ResourceReference, Object> references) {

        /**
         * What a provider gets: keys in the order sent, integers as longs, a custom resource's reference as its id
         * (unknown while the id is not known), a component's as its URN.
         */
        public static final Decoding PROVIDER = new Decoding(false, true, reference -> !reference.hasId()
                ? reference.urn()
                : reference.id().isEmpty() || WireSignatures.UNKNOWNS.contains(reference.id()) ? Unknown.VALUE : reference.id());

        /**
         * What the engine keeps: keys sorted (stable plans and state files whatever order the sender used), every
         * number a double, a reference as its id, or its URN when it has none.
         */
        public static final Decoding ENGINE = new Decoding(true, false, reference ->
                reference.hasId() && !reference.id().isEmpty()
                        ? WireSignatures.UNKNOWNS.contains(reference.id()) ? Unknown.VALUE : reference.id()
                        : reference.urn());
    }

    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992d; // 2^53

    private StructCodec() {
    }

    /** Decodes a whole property map; an absent struct is an empty map. */
    public static Map<String, Object> decode(Struct struct, Decoding decoding) {
        return decodeStruct(struct == null ? Struct.getDefaultInstance() : struct, "", decoding);
    }

    public static Object decode(Value value, Decoding decoding) {
        return decodeValue(value, "", decoding);
    }

    public static Struct encode(Map<String, ?> properties, Unknowns unknowns) {
        return encodeMap(properties == null ? Map.of() : properties, "", unknowns);
    }

    public static Value encode(Object value, Unknowns unknowns) {
        return encodeValue(value, "", unknowns);
    }

    // ---- decoding -----------------------------------------------------------------------------------------------

    private static Map<String, Object> decodeStruct(Struct struct, String path, Decoding decoding) {
        var result = new LinkedHashMap<String, Object>();
        Map<String, Value> fields = decoding.sortKeys() ? new TreeMap<>(struct.getFieldsMap()) : struct.getFieldsMap();
        fields.forEach((key, value) -> result.put(key, decodeValue(value, PropertyValues.path(path, key), decoding)));
        return result;
    }

    private static Object decodeValue(Value value, String path, Decoding decoding) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> decodeNumber(value.getNumberValue(), decoding);
            case STRING_VALUE -> WireSignatures.UNKNOWNS.contains(value.getStringValue())
                    ? Unknown.VALUE : value.getStringValue();
            case LIST_VALUE -> {
                var elements = value.getListValue().getValuesList();
                var list = new ArrayList<Object>(elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    list.add(decodeValue(elements.get(i), PropertyValues.index(path, i), decoding));
                }
                yield list;
            }
            case STRUCT_VALUE -> decodeObject(value.getStructValue(), path, decoding);
        };
    }

    private static Object decodeNumber(double number, Decoding decoding) {
        if (decoding.integersAsLongs() && number == Math.rint(number) && Math.abs(number) <= MAX_EXACT_INTEGER) {
            return (long) number;
        }
        return number;
    }

    private static Object decodeObject(Struct struct, String path, Decoding decoding) {
        Value signature = struct.getFieldsMap().get(WireSignatures.SIGNATURE_KEY);
        if (signature == null) {
            return decodeStruct(struct, path, decoding);
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
                yield Secret.wrap(decodeValue(fields.get("value"), path, decoding));
            }
            case WireSignatures.RESOURCE_REFERENCE -> decoding.references().apply(decodeResourceReference(fields, path));
            case WireSignatures.OUTPUT_VALUE -> {
                Object inner = fields.containsKey("value") ? decodeValue(fields.get("value"), path, decoding) : Unknown.VALUE;
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

    private static ResourceReference decodeResourceReference(Map<String, Value> fields, String path) {
        Value urn = fields.get("urn");
        if (urn == null || urn.getKindCase() != Value.KindCase.STRING_VALUE || urn.getStringValue().isEmpty()) {
            throw new MalformedPropertyException(path, "a resource reference must carry a non-empty \"urn\" string");
        }
        Value id = fields.get("id");
        if (id != null && id.getKindCase() != Value.KindCase.STRING_VALUE) {
            throw new MalformedPropertyException(path, "a resource reference's \"id\" must be a string");
        }
        Value version = fields.get("packageVersion");
        return new ResourceReference(urn.getStringValue(), id == null ? null : id.getStringValue(),
                version == null || version.getKindCase() != Value.KindCase.STRING_VALUE ? null : version.getStringValue());
    }

    // ---- encoding -----------------------------------------------------------------------------------------------

    private static Struct encodeMap(Map<?, ?> map, String path, Unknowns unknowns) {
        var struct = Struct.newBuilder();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalStateException("property " + path + ": map key " + key + " is not a string");
            }
            struct.putFields(name, encodeValue(value, PropertyValues.path(path, name), unknowns));
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
            return special(WireSignatures.SECRET, Struct.newBuilder().putFields("value",
                    encodeValue(secret.value(), path, unknowns)));
        }
        if (value instanceof ResourceReference reference) {
            var fields = Struct.newBuilder().putFields("urn", text(reference.urn()));
            if (reference.hasId()) {
                fields.putFields("id", text(reference.id()));
            }
            if (reference.packageVersion() != null) {
                fields.putFields("packageVersion", text(reference.packageVersion()));
            }
            return special(WireSignatures.RESOURCE_REFERENCE, fields);
        }
        if (value instanceof CharSequence chars) {
            return text(chars.toString());
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(toDouble(number)).build();
        }
        if (value instanceof Enum<?> constant) {
            return text(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(encodeMap(map, path, unknowns)).build();
        }
        if (value instanceof Collection<?> collection) {
            var list = ListValue.newBuilder();
            int i = 0;
            for (Object element : collection) {
                list.addValues(encodeValue(element, PropertyValues.index(path, i++), unknowns));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        throw new IllegalStateException("property " + path + ": cannot encode a " + value.getClass().getName());
    }

    private static Value special(String signature, Struct.Builder fields) {
        return Value.newBuilder().setStructValue(fields.putFields(WireSignatures.SIGNATURE_KEY, text(signature))).build();
    }

    private static Value text(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    private static double toDouble(Number number) {
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            return new BigDecimal(number.toString()).doubleValue();
        }
        return number.doubleValue();
    }
}
