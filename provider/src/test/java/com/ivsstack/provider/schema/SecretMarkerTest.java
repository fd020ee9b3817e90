package com.ivsstack.provider.schema;

import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.value.Secret;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMarkerTest {

    private static final PackageSchema SCHEMA = BundledSchema.load();

    @Test
    void mark_channelOutputs_wrapsSecretsAtTheLevelTheSchemaSays() {
        var marked = SecretMarker.mark(SCHEMA, SCHEMA.resource("ivs:index:Channel").outputs(), Map.of(
                "name", "c", "streamKeyValue", "sk_x", "srt", Map.of("endpoint", "e", "passphrase", "p")));
        assertThat(marked).containsEntry("name", "c").containsEntry("streamKeyValue", new Secret("sk_x"))
                .containsEntry("srt", new Secret(Map.of("endpoint", "e", "passphrase", "p")));
    }

    @Test
    void mark_getStreamKeyResult_wrapsOnlyTheValue() {
        var marked = SecretMarker.mark(SCHEMA, SCHEMA.function("ivs:index:getStreamKey").outputs(),
                Map.of("arn", "a", "channelArn", "c", "value", "v", "tags", Map.of("k", "t")));
        assertThat(marked).isEqualTo(Map.of("arn", "a", "channelArn", "c", "value", new Secret("v"), "tags", Map.of("k", "t")));
    }
}
