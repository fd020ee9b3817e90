package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.aws.OperationFamily;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionState;
import software.amazon.awssdk.services.ivsrealtime.model.StorageConfiguration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ivs:realtime:StorageConfiguration}: only tags update in place. IVS refuses to delete one that a composition
 * uses; the error names those compositions.
 */
public final class StorageConfigurationResource extends IvsResource {

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
            var configuration = api().realTime(OperationFamily.STORAGE_CONFIGURATION, client -> client.createStorageConfiguration(b -> b
                    .name(Values.string(inputs, "name"))
                    .s3(s -> s.bucketName(bucket))
                    .tags(tags))).storageConfiguration();
            return new Live(configuration.arn(), outputs(configuration));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs), e, null);
        }
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        try {
            var configuration = api().realTime(OperationFamily.STORAGE_CONFIGURATION,
                    client -> client.getStorageConfiguration(b -> b.arn(id))).storageConfiguration();
            return Optional.of(new Live(id, outputs(configuration)));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        String token = null;
        do {
            String next = token;
            var page = api().realTime(OperationFamily.STORAGE_CONFIGURATION,
                    client -> client.listStorageConfigurations(b -> b.nextToken(next)));
            for (var summary : page.storageConfigurations()) {
                if (Ownership.ownedBy(summary.tags(), urn)) {
                    return Optional.of(summary.arn());
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return Optional.empty();
    }

    @Override
    protected void updateInPlace(String id, Map<String, Object> oldInputs, Map<String, Object> news, UpdateRequest request) {
        // Only tags change in place; the caller synchronises them.
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        try {
            api().realTime(OperationFamily.STORAGE_CONFIGURATION, client -> client.deleteStorageConfiguration(b -> b.arn(id)));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.CONFLICT)) {
                throw e;
            }
            var compositions = compositionsUsing(id);
            throw failure("deleting", id, e, "It is used by composition(s) "
                    + (compositions.isEmpty() ? "(none found by ListCompositions)" : String.join(", ", compositions))
                    + "; stop them (StopComposition) and run again");
        }
    }

    /** Compositions still running that record to the storage configuration (ListCompositions cannot filter by it). */
    private List<String> compositionsUsing(String arn) {
        var arns = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            var page = api().realTime(OperationFamily.COMPOSITION, client -> client.listCompositions(b -> b.nextToken(next)));
            for (var summary : page.compositions()) {
                if (summary.state() == CompositionState.STOPPED || summary.state() == CompositionState.FAILED) {
                    continue;
                }
                var composition = api().realTime(OperationFamily.COMPOSITION,
                        client -> client.getComposition(b -> b.arn(summary.arn()))).composition();
                boolean uses = composition.destinations().stream()
                        .map(d -> d.configuration() == null ? null : d.configuration().s3())
                        .filter(Objects::nonNull)
                        .anyMatch(s3 -> arn.equals(s3.storageConfigurationArn()));
                if (uses) {
                    arns.add(summary.arn());
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return arns;
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
