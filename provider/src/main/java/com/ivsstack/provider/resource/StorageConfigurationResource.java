package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.StorageConfigurationInputs;
import com.ivsstack.provider.model.realtime.StorageConfigurationOutputs;
import com.ivsstack.provider.model.realtime.StorageConfigurationS3;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ivs:realtime:StorageConfiguration}: only tags update in place. IVS refuses to delete one that a composition
 * uses; the error names those compositions.
 */
public final class StorageConfigurationResource
        extends CompositionConfigurationResource<StorageConfigurationInputs, StorageConfigurationOutputs> {

    public static final String TOKEN = StorageConfigurationInputs.TOKEN;

    public StorageConfigurationResource(ResourceContext context) {
        super(context, ResourceModels.STORAGE_CONFIGURATION);
    }

    @Override
    protected void validate(StorageConfigurationInputs inputs, Validator validator) {
        validator.string(StorageConfigurationInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "a storage configuration name has only letters, digits, - and _");
        var s3 = inputs.s3();
        if (s3 != null) {
            validator.string(PropertyValues.path(StorageConfigurationInputs.S3, StorageConfigurationS3.BUCKET_NAME), s3.bucketName(),
                    3, 63, Validator.BUCKET_PATTERN, "an S3 bucket name has only lowercase letters, digits, - and .");
        }
    }

    @Override
    protected Live<StorageConfigurationOutputs> create(StorageConfigurationInputs inputs, Map<String, String> tags,
                                                       CreateRequest request) {
        String bucket = inputs.s3() == null ? null : inputs.s3().bucketName();
        try {
            var configuration = api().realTime().createStorageConfiguration(b -> b
                    .name(inputs.name())
                    .s3(s -> s.bucketName(bucket))
                    .tags(tags)).storageConfiguration();
            return new Live<>(configuration.arn(), outputs(configuration));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, null);
        }
    }

    @Override
    protected Optional<Live<StorageConfigurationOutputs>> read(String id, StorageConfigurationInputs oldInputs,
                                                               StorageConfigurationOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getStorageConfiguration(b -> b.arn(id)).storageConfiguration())
                .map(found -> new Live<>(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, StorageConfigurationInputs oldInputs) {
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

    private static StorageConfigurationOutputs outputs(StorageConfiguration configuration) {
        return StorageConfigurationOutputs.builder()
                .arn(configuration.arn())
                .name(configuration.name())
                .s3(StorageConfigurationS3.builder()
                        .bucketName(configuration.s3() == null ? "" : configuration.s3().bucketName()).build())
                .tags(configuration.tags() == null ? Map.of() : configuration.tags())
                .build();
    }
}
