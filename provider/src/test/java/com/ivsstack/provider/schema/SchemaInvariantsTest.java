package com.ivsstack.provider.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.pulumi.schema.TypeSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.CreateIngestConfigurationRequest;
import software.amazon.awssdk.services.ivsrealtime.model.CreateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ImportPublicKeyRequest;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingHlsConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantThumbnailConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What schema.json must always say, and that the provider's code agrees with it. */
class SchemaInvariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IvsProvider PROVIDER = new IvsProvider(ProviderLog.NONE);
    private static final String TOKEN = "^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/]*$";

    private static JsonNode schema() throws Exception {
        try (InputStream in = SchemaInvariantsTest.class.getResourceAsStream("/schema.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void schemaJson_isTheShippedFileByteForByte() throws Exception {
        try (InputStream in = SchemaInvariantsTest.class.getResourceAsStream("/schema.json")) {
            assertThat(PROVIDER.schemaJson()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(PROVIDER.packageName()).isEqualTo("ivs");
        assertThat(PROVIDER.version()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
    }

    @Test
    void everyResourceTypeAndPropertyAndType_hasADescription() throws Exception {
        var missing = new ArrayList<String>();
        var root = schema();
        root.path("resources").fields().forEachRemaining(resource -> {
            requireDescription(missing, resource.getKey(), resource.getValue());
            describeAll(missing, resource.getKey() + ".inputProperties", resource.getValue().path("inputProperties"));
            describeAll(missing, resource.getKey() + ".properties", resource.getValue().path("properties"));
        });
        root.path("types").fields().forEachRemaining(type -> {
            requireDescription(missing, type.getKey(), type.getValue());
            describeAll(missing, type.getKey(), type.getValue().path("properties"));
            type.getValue().path("enum").forEach(value -> requireDescription(missing, type.getKey() + "=" + value.path("value"), value));
        });
        root.path("functions").fields().forEachRemaining(function -> {
            requireDescription(missing, function.getKey(), function.getValue());
            describeAll(missing, function.getKey() + ".inputs", function.getValue().path("inputs").path("properties"));
            describeAll(missing, function.getKey() + ".outputs", function.getValue().path("outputs").path("properties"));
        });
        describeAll(missing, "config", root.path("config").path("variables"));
        describeAll(missing, "provider", root.path("provider").path("inputProperties"));
        assertThat(missing).as("without a description").isEmpty();
    }

    private static void describeAll(List<String> missing, String prefix, JsonNode properties) {
        properties.fields().forEachRemaining(p -> requireDescription(missing, prefix + "." + p.getKey(), p.getValue()));
    }

    private static void requireDescription(List<String> missing, String where, JsonNode node) {
        if (node.path("description").asText("").isBlank()) {
            missing.add(where);
        }
    }

    @Test
    void secrets_streamKeyValuesPassphraseAndCredentials_areMarkedSecret() throws Exception {
        var root = schema();
        var secret = new TreeSet<String>();
        root.path("resources").fields().forEachRemaining(r -> r.getValue().path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("secret").asBoolean()) {
                secret.add(r.getKey() + "." + p.getKey());
            }
        }));
        root.path("types").fields().forEachRemaining(t -> t.getValue().path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("secret").asBoolean()) {
                secret.add(t.getKey() + "." + p.getKey());
            }
        }));
        root.path("functions").fields().forEachRemaining(f -> f.getValue().path("outputs").path("properties").fields()
                .forEachRemaining(p -> {
                    if (p.getValue().path("secret").asBoolean()) {
                        secret.add(f.getKey() + "." + p.getKey());
                    }
                }));
        root.path("config").path("variables").fields().forEachRemaining(p -> {
            if (p.getValue().path("secret").asBoolean()) {
                secret.add("config." + p.getKey());
            }
        });
        root.path("provider").path("inputProperties").fields().forEachRemaining(p -> {
            if (p.getValue().path("secret").asBoolean()) {
                secret.add("provider." + p.getKey());
            }
        });
        assertThat(secret).containsExactlyInAnyOrder(
                "ivs:index:Channel.streamKeyValue", "ivs:index:Channel.srt", "ivs:index:ChannelSrt.passphrase",
                "ivs:index:StreamKey.value", "ivs:index:getStreamKey.value", "ivs:index:getChannel.srt",
                "ivs:realtime:IngestConfiguration.streamKey", "ivs:realtime:getIngestConfiguration.streamKey",
                "config.accessKey", "config.secretKey", "config.token",
                "provider.accessKey", "provider.secretKey", "provider.token");
    }

    @Test
    void replaceOnChanges_matchesWhatTheApiCannotUpdate() {
        var schema = BundledSchema.load();
        var expected = Map.of(
                "ivs:index:Channel", Set.of(),
                "ivs:index:StreamKey", Set.of("channelArn", "rotation"),
                "ivs:index:RecordingConfiguration", Set.of("destinationConfiguration", "name", "recordingReconnectWindowSeconds",
                        "renditionConfiguration", "thumbnailConfiguration"),
                "ivs:index:PlaybackKeyPair", Set.of("name", "publicKeyMaterial"),
                "ivs:index:PlaybackRestrictionPolicy", Set.of(),
                "ivs:realtime:EncoderConfiguration", Set.of("name", "video"),
                "ivs:realtime:StorageConfiguration", Set.of("name", "s3"),
                "ivs:realtime:Stage", Set.of(),
                "ivs:realtime:IngestConfiguration", Set.of("name", "userId", "attributes", "ingestProtocol", "insecureIngest"),
                "ivs:realtime:PublicKey", Set.of("name", "publicKeyMaterial"));
        assertThat(schema.resourceTokens()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((token, replacing) -> {
            assertThat(schema.resource(token).replaceOnChanges()).as(token).isEqualTo(replacing);
            assertThat(schema.resource(token).replaceOnChanges()).as("tags always update in place").doesNotContain("tags");
        });
    }

    @Test
    void diff_everyStringProperty_replacesExactlyWhenTheSchemaSaysSo() {
        var schema = BundledSchema.load();
        var checked = new HashSet<String>();
        for (String token : schema.resourceTokens()) {
            var type = PROVIDER.resource(token).orElseThrow();
            for (var spec : schema.resource(token).inputs().declared().values()) {
                if (!(spec.type() instanceof TypeSpec.Primitive p) || p.kind() != TypeSpec.PrimitiveKind.STRING) {
                    continue;
                }
                var diff = type.diff(new DiffRequest("id", "urn", Map.of(spec.name(), "a"), Map.of(),
                        Map.of(spec.name(), "b"), List.of()));
                assertThat(diff.requiresReplacement()).as(token + "." + spec.name()).isEqualTo(spec.replaceOnChanges());
                checked.add(token + "." + spec.name());
            }
        }
        assertThat(checked).contains("ivs:index:StreamKey.rotation", "ivs:index:Channel.name",
                "ivs:index:PlaybackKeyPair.publicKeyMaterial");
    }

    @Test
    void tokens_areWellFormedAndEveryOneHasAnImplementation() {
        var schema = BundledSchema.load();
        for (String token : schema.resourceTokens()) {
            assertThat(token).matches(TOKEN);
            assertThat(PROVIDER.resource(token)).as(token).isPresent();
            assertThat(PROVIDER.resource(token).orElseThrow().token()).isEqualTo(token);
        }
        for (String token : schema.functionTokens()) {
            assertThat(token).matches(TOKEN);
            assertThat(PROVIDER.function(token)).as(token).isPresent();
        }
        assertThat(schema.functionTokens()).containsExactlyInAnyOrder("ivs:index:getChannel", "ivs:index:getStreamKey",
                "ivs:index:getRecordingConfiguration", "ivs:index:getChannels", "ivs:realtime:getStage",
                "ivs:realtime:getStages", "ivs:realtime:getIngestConfiguration");
        assertThat(PROVIDER.resourceTokens()).containsExactlyInAnyOrderElementsOf(schema.resourceTokens());
    }

    @Test
    void references_everyRefNamesADeclaredType() throws Exception {
        var root = schema();
        var refs = new TreeSet<String>();
        collectRefs(root, refs);
        for (String ref : refs) {
            assertThat(root.path("types").has(ref.substring("#/types/".length()))).as(ref).isTrue();
        }
        assertThat(refs).isNotEmpty();
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void language_javaBasePackageIsComIvsstack() throws Exception {
        var java = schema().path("language").path("java");
        assertThat(java.path("basePackage").asText()).isEqualTo("com.ivsstack");
        assertThat(java.path("packages").path("realtime").asText()).isEqualTo("realtime");
    }

    @Test
    void channelSchema_hasEveryPropertyOfTheCurrentApi() {
        var channel = BundledSchema.load().resource("ivs:index:Channel");
        assertThat(channel.inputs().declared().keySet()).containsExactlyInAnyOrder("name", "type", "latencyMode",
                "authorized", "insecureIngest", "preset", "recordingConfigurationArn", "playbackRestrictionPolicyArn",
                "containerFormat", "multitrackInputConfiguration", "tags");
        assertThat(channel.outputs().declared().keySet()).contains("arn", "ingestEndpoint", "playbackUrl", "srt",
                "streamKeyArn", "streamKeyValue");
        var thumbnails = BundledSchema.load().objectType("ivs:index:RecordingConfigurationThumbnailConfiguration").shape();
        assertThat(thumbnails.declared().keySet()).containsExactlyInAnyOrder("recordingMode", "targetIntervalSeconds",
                "resolution", "storage");
    }

    /**
     * The RealTime resources take every member of their create request in the SDK the provider is built with (2.40.2),
     * and nothing it lacks (the newer models' redundantIngest, for one): the schema is checked against the SDK's own
     * field metadata. A stage's participant tokens are left out on purpose: they are secrets of a moment, not state.
     */
    @Test
    void realtimeSchema_hasEveryMemberOfTheSdksCreateRequests() {
        var schema = BundledSchema.load();
        assertThat(inputsOf(schema, "ivs:realtime:Stage")).isEqualTo(members(CreateStageRequest.builder().sdkFields(),
                "participantTokenConfigurations"));
        assertThat(schema.objectType("ivs:realtime:StageAutoParticipantRecordingConfiguration").shape().declared().keySet())
                .isEqualTo(members(AutoParticipantRecordingConfiguration.builder().sdkFields()));
        assertThat(schema.objectType("ivs:realtime:StageThumbnailConfiguration").shape().declared().keySet())
                .isEqualTo(members(ParticipantThumbnailConfiguration.builder().sdkFields()));
        assertThat(schema.objectType("ivs:realtime:StageHlsConfiguration").shape().declared().keySet())
                .isEqualTo(members(ParticipantRecordingHlsConfiguration.builder().sdkFields()));
        assertThat(schema.objectType("ivs:realtime:StageEndpoints").shape().declared().keySet())
                .isEqualTo(members(software.amazon.awssdk.services.ivsrealtime.model.StageEndpoints.builder().sdkFields()));
        assertThat(inputsOf(schema, "ivs:realtime:IngestConfiguration"))
                .isEqualTo(members(CreateIngestConfigurationRequest.builder().sdkFields()));
        assertThat(inputsOf(schema, "ivs:realtime:PublicKey")).isEqualTo(members(ImportPublicKeyRequest.builder().sdkFields()));
        assertThat(schema.resource("ivs:realtime:IngestConfiguration").outputs().declared().keySet())
                .containsAll(members(IngestConfiguration.builder().sdkFields()));
        assertThat(schema.resource("ivs:realtime:Stage").outputs().declared().keySet())
                .containsAll(members(Stage.builder().sdkFields()));
    }

    private static Set<String> inputsOf(com.ivsstack.pulumi.schema.PackageSchema schema, String token) {
        return new TreeSet<>(schema.resource(token).inputs().declared().keySet());
    }

    private static Set<String> members(List<software.amazon.awssdk.core.SdkField<?>> fields, String... leftOut) {
        var names = new TreeSet<String>();
        fields.forEach(field -> names.add(field.memberName()));
        names.removeAll(Set.of(leftOut));
        return names;
    }

    @Test
    void check_unknownPropertyOfAnyResource_isReportedNotIgnored() {
        for (String token : BundledSchema.load().resourceTokens()) {
            var result = PROVIDER.resource(token).orElseThrow().check(new CheckRequest("urn", Map.of(), Map.of("bogus", 1)));
            assertThat(result.failures()).as(token).anyMatch(f -> f.property().equals("bogus"));
        }
    }
}
