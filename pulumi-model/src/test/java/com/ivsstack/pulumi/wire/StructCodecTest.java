package com.ivsstack.pulumi.wire;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.pulumi.value.ResourceReference;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two decodings the model's readers want (a provider's and the engine's), and encoding. The provider's decoding is
 * tested in depth where the provider decodes its requests ({@code provider/.../grpc/PropertyCodecTest}).
 */
class StructCodecTest {

    private static Value text(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    private static Value number(double number) {
        return Value.newBuilder().setNumberValue(number).build();
    }

    private static Value object(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    private static Value reference(String urn, String id) {
        var fields = new java.util.HashMap<String, Value>(Map.of(WireSignatures.SIGNATURE_KEY,
                text(WireSignatures.RESOURCE_REFERENCE), "urn", text(urn)));
        if (id != null) {
            fields.put("id", text(id));
        }
        return object(fields);
    }

    @Test
    void decode_providerDecoding_keepsKeyOrderIntegersAsLongsReferencesAsIds() {
        var struct = Struct.newBuilder().putFields("zeta", number(30)).putFields("alpha", number(1.5))
                .putFields("channel", reference("urn:pulumi:s::p::ivs:index:Channel::c", "arn:c"))
                .putFields("pending", reference("urn:pulumi:s::p::ivs:index:Channel::d", ""))
                .putFields("component", reference("urn:pulumi:s::p::acme:index:Platform::p", null)).build();

        var decoded = StructCodec.decode(struct, StructCodec.Decoding.PROVIDER);

        assertThat(decoded.keySet()).containsExactly("zeta", "alpha", "channel", "pending", "component");
        assertThat(decoded).containsEntry("zeta", 30L).containsEntry("alpha", 1.5).containsEntry("channel", "arn:c")
                .containsEntry("pending", Unknown.VALUE)
                .containsEntry("component", "urn:pulumi:s::p::acme:index:Platform::p");
    }

    @Test
    void decode_engineDecoding_sortsKeysNumbersAsDoublesReferencesAsIdOrUrn() {
        var struct = Struct.newBuilder().putFields("zeta", number(30)).putFields("alpha", number(1.5))
                .putFields("pending", reference("urn:pulumi:s::p::ivs:index:Channel::d", "")).build();

        var decoded = StructCodec.decode(struct, StructCodec.Decoding.ENGINE);

        assertThat(decoded.keySet()).containsExactly("alpha", "pending", "zeta");
        assertThat(decoded).containsEntry("zeta", 30.0)
                .containsEntry("pending", "urn:pulumi:s::p::ivs:index:Channel::d");
    }

    @Test
    void encodeThenDecode_secretsUnknownsAndReferences_comeBackAsTheyWere() {
        var reference = new ResourceReference("urn:pulumi:s::p::ivs:index:Channel::c", "arn:c", "0.1.0");
        Map<String, Object> values = Map.of("secret", new Secret(List.of("a", 2L)), "later", Unknown.VALUE,
                "channel", reference, "nested", Map.of("flag", true));

        var decoded = StructCodec.decode(StructCodec.encode(values, StructCodec.Unknowns.ALLOWED),
                new StructCodec.Decoding(false, true, ref -> ref));

        assertThat(decoded).isEqualTo(values);
    }

    @Test
    void encode_unknownWhereNoneMayBe_isABugThatNamesThePath() {
        assertThatThrownBy(() -> StructCodec.encode(Map.of("srt", Map.of("passphrase", Unknown.VALUE)),
                StructCodec.Unknowns.REJECTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("property srt.passphrase: the provider returned an unknown value outside preview");
    }
}
