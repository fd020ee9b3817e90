package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ivs:realtime:StorageConfiguration}: only tags update in place. IVS refuses to delete one that a composition
 * uses; the error names those compositions.
 */
public final class StorageConfigurationResource extends CompositionConfigurationResource {

    public static final String TOKEN = "ivs:realtime:StorageConfiguration";

    public StorageConfigurationResource(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "a storage configuration name has only letters, digits, - and _");
        var s3 = Values.asMap(inputs.get("s3"));
        if (s3 != null) {
            validator.string("s3.bucketName", s3.get("bucketName"), 3, 63, Validator.BUCKET_PATTERN,
                    "an S3 bucket name has only lowercase letters, digits, - and .");
        }
    }

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        String bucket = Values.string(Values.asMap(inputs.get("s3")), "bucketName");
        try {
            var configuration = api().realTime().createStorageConfiguration(b -> b
                    .name(Values.string(inputs, "name"))
                    .s3(s -> s.bucketName(bucket))
                    .tags(tags)).storageConfiguration();
            return new Live(configuration.arn(), outputs(configuration));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getStorageConfiguration(b -> b.arn(id)).storageConfiguration())
                .map(found -> new Live(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        var summaries = api().realTime().listStorageConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.storageConfigurations().stream());
        return Ownership.find(summaries, StorageConfigurationSummary::tags, StorageConfigurationSummary::arn, urn);
    }

    @Override
    protected void deleteConfiguration(String arn) {
        api().realTime().deleteStorageConfiguration(b -> b.arn(arn));
    }

    /** Compositions still running that record to the storage configuration (ListCompositions cannot filter by it). */
    @Override
    protected List<String> compositionsUsing(String arn) {
        return runningCompositions(b -> { }).map(CompositionSummary::arn).filter(composition -> {
            var destinations = api().realTime().getComposition(b -> b.arn(composition)).composition().destinations();
            return destinations.stream()
                    .map(d -> d.configuration() == null ? null : d.configuration().s3())
                    .filter(Objects::nonNull)
                    .anyMatch(s3 -> arn.equals(s3.storageConfigurationArn()));
        }).toList();
    }

    private static Map<String, Object> outputs(StorageConfiguration configuration) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", configuration.arn());
        outputs.put("name", configuration.name());
        outputs.put("s3", Map.of("bucketName", configuration.s3() == null ? "" : configuration.s3().bucketName()));
        outputs.put("tags", configuration.tags() == null ? Map.of() : configuration.tags());
        return outputs;
    }
}
