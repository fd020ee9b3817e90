package com.ivsstack.provider.grpc;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.wire.MalformedPropertyException;
import com.ivsstack.pulumi.wire.StructCodec;
import com.ivsstack.pulumi.wire.StructCodec.Unknowns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.ivsstack.provider.grpc.Wire.bool;
import static com.ivsstack.provider.grpc.Wire.list;
import static com.ivsstack.provider.grpc.Wire.nil;
import static com.ivsstack.provider.grpc.Wire.num;
import static com.ivsstack.provider.grpc.Wire.obj;
import static com.ivsstack.provider.grpc.Wire.secret;
import static com.ivsstack.provider.grpc.Wire.str;
import static com.ivsstack.provider.grpc.Wire.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Property values on the wire as the provider decodes ({@link StructCodec.Decoding#PROVIDER}) and encodes them. */
class WireValuesTest {

    private static Map<String, Object> decode(Struct struct) {
        return StructCodec.decode(struct, StructCodec.Decoding.PROVIDER);
    }

    private static Object decode(Value value) {
        return StructCodec.decode(value, StructCodec.Decoding.PROVIDER);
    }

    static Stream<String> unknownSentinels() {
        return Arrays.stream(Wire.UNKNOWN_SENTINELS);
    }

    @ParameterizedTest
    @MethodSource("unknownSentinels")
    void decode_anyUnknownSentinel_isUnknownAtEveryDepth(String sentinel) {
        Map<String, Object> decoded = decode(struct(
                "top", str(sentinel),
                "nested", obj("inner", str(sentinel)),
                "listed", list(str("a"), str(sentinel)),
                "secret", secret(str(sentinel))));

        assertThat(decoded.get("top")).isSameAs(Unknown.VALUE);
        assertThat(decoded.get("nested")).isEqualTo(Map.of("inner", Unknown.VALUE));
        assertThat(decoded.get("listed")).isEqualTo(List.of("a", Unknown.VALUE));
        assertThat(decoded.get("secret")).isEqualTo(new Secret(Unknown.VALUE));
    }

    static Stream<Arguments> plainValues() {
        return Stream.of(
                Arguments.of(str("low"), "low"),
                Arguments.of(bool(true), true),
                Arguments.of(nil(), null),
                Arguments.of(num(30), 30L),
                Arguments.of(num(-2), -2L),
                Arguments.of(num(1.5), 1.5),
                Arguments.of(num(1e300), 1e300),
                Arguments.of(list(num(1), str("x")), List.of(1L, "x")),
                Arguments.of(obj("a", obj("b", bool(false))), Map.of("a", Map.of("b", false))));
    }

    @ParameterizedTest
    @MethodSource("plainValues")
    void decode_plainValue_isThePlainJavaValue(Value wire, Object expected) {
        assertThat(decode(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("plainValues")
    void encode_decodedPlainValue_isTheSameWireValue(Value wire, Object decoded) {
        assertThat(StructCodec.encode(decoded, Unknowns.REJECTED)).isEqualTo(wire);
    }

    @Test
    void decode_secret_isSecretOfTheDecodedValue() {
        Map<String, Object> decoded = decode(struct(
                "value", secret(str("sk_us-west-2_abc")),
                "tags", secret(obj("team", str("video")))));

        assertThat(decoded.get("value")).isEqualTo(new Secret("sk_us-west-2_abc"));
        assertThat(decoded.get("tags")).isEqualTo(new Secret(Map.of("team", "video")));
    }

    @Test
    void encode_secret_isTheSignatureObjectWithItsValue() {
        Value encoded = StructCodec.encode(new Secret("sk_us-west-2_abc"), Unknowns.REJECTED);

        assertThat(encoded).isEqualTo(secret(str("sk_us-west-2_abc")));
    }

    @Test
    void decodeThenEncode_nestedSecrets_roundTripExactly() {
        Struct wire = struct(
                "srt", obj("endpoint", str("srt://x"), "passphrase", secret(str("p4ss"))),
                "keys", list(secret(str("k1")), str("k2")));

        Struct again = StructCodec.encode(decode(wire), Unknowns.REJECTED);

        assertThat(again).isEqualTo(wire);
    }

    @Test
    void decode_secretOfSecret_isOneSecret() {
        assertThat(decode(secret(secret(str("x"))))).isEqualTo(new Secret("x"));
    }

    static Stream<Arguments> resourceReferences() {
        String urn = "urn:pulumi:dev::app::ivs:index:Channel::live";
        return Stream.of(
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "urn", str(urn), "id", str("arn:aws:ivs:c")),
                        "arn:aws:ivs:c"),
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "urn", str(urn), "id", str("")), Unknown.VALUE),
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "urn", str(urn), "id", str(Wire.UNKNOWN)),
                        Unknown.VALUE),
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "urn", str(urn), "packageVersion", str("0.1.0")),
                        urn));
    }

    @ParameterizedTest
    @MethodSource("resourceReferences")
    void decode_resourceReference_isItsIdOrUnknownOrItsUrn(Value reference, Object expected) {
        assertThat(decode(struct("channelArn", reference)).get("channelArn")).isEqualTo(expected);
    }

    @Test
    void decode_outputValue_isItsValueSecretWhenMarkedAndUnknownWithoutValue() {
        String outputSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
        Map<String, Object> decoded = decode(struct(
                "known", obj(Wire.SIG, str(outputSig), "value", str("v")),
                "secret", obj(Wire.SIG, str(outputSig), "value", str("v"), "secret", bool(true)),
                "unknown", obj(Wire.SIG, str(outputSig), "dependencies", list(str("urn:x")))));

        assertThat(decoded).containsEntry("known", "v")
                .containsEntry("secret", new Secret("v"))
                .containsEntry("unknown", Unknown.VALUE);
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                Arguments.of(obj(Wire.SIG, str("c44067f5952c0a294b673a41bacd8c17"), "text", str("x")),
                        "property tags.a[1]: assets and archives are not supported"),
                Arguments.of(obj(Wire.SIG, str("0def7320c3a5731c473e5ecbe6d01bc7"), "path", str("x")),
                        "property tags.a[1]: assets and archives are not supported"),
                Arguments.of(obj(Wire.SIG, str("803fd3297a5875dc03ca845dda5d2a98"), "value", str("AAE=")),
                        "property tags.a[1]: byte strings are not supported"),
                Arguments.of(obj(Wire.SIG, str("not-a-signature")),
                        "property tags.a[1]: unrecognised special-value signature \"not-a-signature\""),
                Arguments.of(obj(Wire.SIG, num(3)),
                        "property tags.a[1]: the special-value signature must be a string"),
                Arguments.of(obj(Wire.SIG, str(Wire.SECRET_SIG)),
                        "property tags.a[1]: a secret must carry a \"value\""),
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "id", str("x")),
                        "property tags.a[1]: a resource reference must carry a non-empty \"urn\" string"),
                Arguments.of(obj(Wire.SIG, str(Wire.REFERENCE_SIG), "urn", str("u"), "id", num(1)),
                        "property tags.a[1]: a resource reference's \"id\" must be a string"));
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void decode_malformedSpecialValue_failsNamingThePath(Value malformed, String message) {
        Struct wire = struct("tags", obj("a", list(str("ok"), malformed)));

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(MalformedPropertyException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void encode_unknownWhereAllowed_isTheGenericStringSentinel() {
        Struct encoded = StructCodec.encode(Map.of("arn", Unknown.VALUE, "nested", List.of(Unknown.VALUE)),
                Unknowns.ALLOWED);

        assertThat(encoded).isEqualTo(struct("arn", str(Wire.UNKNOWN), "nested", list(str(Wire.UNKNOWN))));
    }

    @Test
    void encode_unknownWhereRejected_failsNamingThePath() {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("srt", Map.of("passphrase", new Secret(Unknown.VALUE)));

        assertThatThrownBy(() -> StructCodec.encode(outputs, Unknowns.REJECTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("property srt.passphrase: the provider returned an unknown value outside preview");
    }

    @Test
    void encode_javaNumbersAndEnums_areDoublesAndNames() {
        var list = new ArrayList<Object>();
        list.add(null);
        Struct encoded = StructCodec.encode(Map.of(
                "int", 7, "big", new BigDecimal("2.5"), "kind", Unknowns.ALLOWED, "nulls", list), Unknowns.REJECTED);

        assertThat(encoded).isEqualTo(struct("int", num(7), "big", num(2.5), "kind", str("ALLOWED"),
                "nulls", list(nil())));
    }

    @Test
    void encode_unsupportedJavaType_failsNamingThePath() {
        assertThatThrownBy(() -> StructCodec.encode(Map.of("when", new Object()), Unknowns.ALLOWED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("property when: cannot encode a java.lang.Object");
    }

    @Test
    void child_keyThatNeedsQuoting_isBracketed() {
        assertThat(PropertyValues.path("tags", "aws:cost.center")).isEqualTo("tags[\"aws:cost.center\"]");
        assertThat(PropertyValues.path("", "name")).isEqualTo("name");
    }
}
