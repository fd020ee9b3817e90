package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.StorageConfigurationInputs;
import com.ivsstack.provider.model.realtime.StorageConfigurationOutputs;
import com.ivsstack.provider.model.realtime.StorageConfigurationS3;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfigurationSummary;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code ivs:realtime:StorageConfiguration}: only tags update in place. IVS refuses to delete one that a composition
 * uses or that a stage records its participants to; the error names them. The provider never detaches a stage by
 * itself: a stage the stack changes moves to another configuration by its own update (it depends on this one, so the
 * engine updates or deletes it first), and a stage it does not manage keeps recording, so its configuration stays.
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

    @Override
    protected String whatUsesIt(String arn) {
        var stages = stagesRecordingTo(arn, stage -> false);
        if (stages.isEmpty()) {
            return super.whatUsesIt(arn);
        }
        return stillRecording(stages);
    }

    private static String stillRecording(List<String> stages) {
        return "Stage(s) " + String.join(", ", stages) + " record their participants to it. Point their "
                + "autoParticipantRecordingConfiguration.storageConfigurationArn at another storage configuration (or \"\" "
                + "to stop recording) and run again; the provider does not change a stage it is not asked to";
    }

    /**
     * The delete preflight: a stage outside the group that still records to the configuration makes its delete fail.
     * ListStages does not say where a stage records, so every stage of the region is read once for the whole group.
     */
    @Override
    public List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        String id = request.id();
        try {
            Map<String, List<String>> byConfiguration = group.shared("ivs:stagesByStorageConfiguration",
                    () -> stagesByStorageConfiguration(group::deletes));
            var stages = byConfiguration.getOrDefault(id, List.of());
            return stages.isEmpty() ? List.of()
                    : List.of(message("deleting", id, "IVS refuses to delete a storage configuration that a stage records to",
                    stillRecording(stages)));
        } catch (IvsApiException e) {
            throw failure("checking before deleting", id, e, null);
        }
    }

    /** The stages (but those {@code skip} names) that record to the storage configuration. */
    private List<String> stagesRecordingTo(String arn, Predicate<String> skip) {
        return stagesByStorageConfiguration(skip).getOrDefault(arn, List.of());
    }

    /** Every stage that records (but those {@code skip} names), by the storage configuration it records to. */
    private Map<String, List<String>> stagesByStorageConfiguration(Predicate<String> skip) {
        return api().realTime().listStagesPaginator(b -> { }).stream()
                .flatMap(page -> page.stages().stream())
                .map(StageSummary::arn)
                .filter(stage -> !skip.test(stage))
                .flatMap(stage -> IvsApiException.emptyIfNotFound(() -> api().realTime().getStage(b -> b.arn(stage)).stage()).stream())
                .filter(stage -> stage.autoParticipantRecordingConfiguration() != null
                        && !orNone(stage.autoParticipantRecordingConfiguration().storageConfigurationArn()).isEmpty())
                .collect(Collectors.groupingBy(stage -> stage.autoParticipantRecordingConfiguration().storageConfigurationArn(),
                        Collectors.mapping(Stage::arn, Collectors.toList())));
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
