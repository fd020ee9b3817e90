package com.ivsstack.provider.resource;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.provider.schema.PackageSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/** Check and diff decide from the inputs alone: bad input gets its error without any API call. */
@ExtendWith(MockitoExtension.class)
class CheckMakesNoAwsCallTest {

    @Mock
    IvsApi api;

    @Test
    void checkAndDiff_anyResourceType_neverCallAws() {
        var context = new ResourceContext(PackageSchema.load(), ProviderLog.NONE);
        context.configure(ProviderConfig.from(Map.of("defaultTags", Map.of("team", "video"))), api);
        var types = List.of(new ChannelResource(context), new StreamKeyResource(context),
                new RecordingConfigurationResource(context), new PlaybackKeyPairResource(context),
                new PlaybackRestrictionPolicyResource(context), new EncoderConfigurationResource(context),
                new StorageConfigurationResource(context));
        var inputs = Map.<String, Map<String, Object>>of(
                ChannelResource.TOKEN, Map.of("name", "bad name"),
                StreamKeyResource.TOKEN, Map.of("channelArn", "not-an-arn"),
                RecordingConfigurationResource.TOKEN, Map.of("destinationConfiguration", Map.of("s3", Map.of("bucketName", "B"))),
                PlaybackKeyPairResource.TOKEN, Map.of("publicKeyMaterial", TestKeys.rsaPublicKeyPem()),
                PlaybackRestrictionPolicyResource.TOKEN, Map.of("allowedCountries", List.of("usa")),
                EncoderConfigurationResource.TOKEN, Map.of("video", Map.of("width", 3)),
                StorageConfigurationResource.TOKEN, Map.of("s3", Map.of("bucketName", "x")));
        for (var type : types) {
            var result = type.check(new CheckRequest("urn", Map.of(), inputs.get(type.token())));
            assertThat(result.failures()).as(type.token()).isNotEmpty();
            assertThat(result.inputs()).as("defaultTags merged").containsEntry("tags", Map.of("team", "video"));
            type.diff(new DiffRequest("id", "urn", Map.of(), Map.of(), result.inputs(), List.of()));
        }
        verifyNoInteractions(api);
    }
}
