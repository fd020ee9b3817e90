package com.ivsstack.provider.resource;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.TypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Check and diff decide from the inputs alone: bad input gets its error without any API call. (One diff reads: the
 * replacement of an existing ingest configuration looks whether an encoder publishes with it, to warn; that is
 * tested in LiveSessionTest.)
 */
@ExtendWith(MockitoExtension.class)
class CheckMakesNoAwsCallTest {

    @Mock
    IvsApi api;

    @Test
    void checkAndDiff_anyResourceType_neverCallAws() {
        var schema = BundledSchema.load();
        var context = new ResourceContext(schema, ProviderLog.NONE);
        context.configure(ProviderConfig.from(Map.of("defaultTags", Map.of("team", "video"))), api);
        var registered = ResourceTypes.of(context);
        var types = schema.resourceTokens().stream().map(token -> registered.stream()
                .filter(type -> type.token().equals(token)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource type registered for " + token))).toList();
        // input that a resource's own rules reject; a type without an entry gets a property of the wrong kind
        var invalid = Map.<String, Map<String, Object>>of(
                ChannelResource.TOKEN, Map.of("name", "bad name"),
                StreamKeyResource.TOKEN, Map.of("channelArn", "not-an-arn"),
                RecordingConfigurationResource.TOKEN, Map.of("destinationConfiguration", Map.of("s3", Map.of("bucketName", "B"))),
                PlaybackKeyPairResource.TOKEN, Map.of("publicKeyMaterial", TestKeys.rsaPublicKeyPem()),
                PlaybackRestrictionPolicyResource.TOKEN, Map.of("allowedCountries", List.of("usa")),
                EncoderConfigurationResource.TOKEN, Map.of("video", Map.of("width", 3)),
                StorageConfigurationResource.TOKEN, Map.of("s3", Map.of("bucketName", "x")),
                StageResource.TOKEN, Map.of("autoParticipantRecordingConfiguration", Map.of("storageConfigurationArn", "",
                        "mediaTypes", List.of("NONE"))),
                IngestConfigurationResource.TOKEN, Map.of("ingestProtocol", "RTMP"),
                PublicKeyResource.TOKEN, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem("secp256r1")));
        for (var type : types) {
            var inputs = invalid.getOrDefault(type.token(), wrongKind(schema, schema.resource(type.token()).inputs()));
            var result = type.check(new CheckRequest("urn", Map.of(), inputs));
            assertThat(result.failures()).as(type.token()).isNotEmpty();
            assertThat(result.inputs()).as("defaultTags merged").containsEntry("tags", Map.of("team", "video"));
            type.diff(new DiffRequest("id", "urn", Map.of(), Map.of(), result.inputs(), List.of()));
        }
        verifyNoInteractions(api);
    }

    /** The first input property given a value of another kind than the schema says. */
    private static Map<String, Object> wrongKind(PackageSchema schema, ObjectShape inputs) {
        var first = inputs.declared().values().iterator().next();
        boolean text = first.type() instanceof TypeSpec.Primitive p && p.kind() == TypeSpec.PrimitiveKind.STRING
                || schema.enumOf(first.type()) != null;
        return Map.of(first.name(), text ? List.of(42) : "of the wrong kind");
    }
}
