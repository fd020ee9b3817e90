package com.ivsstack.provider.grpc;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/** Short builders for protobuf property values in tests, written the way the Pulumi engine encodes them. */
final class Wire {

    static final String SIG = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** All seven sentinels the engine uses for unknown bool, number, string, array, asset, archive and object. */
    static final String[] UNKNOWN_SENTINELS = {
            "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
            "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"};

    private Wire() {
    }

    static Value str(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    static Value num(double number) {
        return Value.newBuilder().setNumberValue(number).build();
    }

    static Value bool(boolean bool) {
        return Value.newBuilder().setBoolValue(bool).build();
    }

    static Value nil() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    static Value list(Value... values) {
        var list = ListValue.newBuilder();
        for (Value value : values) {
            list.addValues(value);
        }
        return Value.newBuilder().setListValue(list).build();
    }

    /** An object from alternating keys and values. */
    static Value obj(Object... keysAndValues) {
        return Value.newBuilder().setStructValue(struct(keysAndValues)).build();
    }

    static Struct struct(Object... keysAndValues) {
        var struct = Struct.newBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            struct.putFields((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return struct.build();
    }

    static Value secret(Value value) {
        return obj(SIG, str(SECRET_SIG), "value", value);
    }
}
