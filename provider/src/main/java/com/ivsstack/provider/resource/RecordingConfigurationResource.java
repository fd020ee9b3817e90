package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code ivs:index:RecordingConfiguration}: only tags update in place. Create waits until the configuration is ACTIVE
 * (CREATE_FAILED almost always means the bucket is in another region). Delete first detaches every channel that still
 * records with it, because IVS refuses to delete a configuration in use.
 */
public final class RecordingConfigurationResource extends IvsResource {

    public static final String TOKEN = "ivs:index:RecordingConfiguration";

    private final LiveChannels liveChannels;

    public RecordingConfigurationResource(ResourceContext context) {
        super(context, TOKEN);
        this.liveChannels = new LiveChannels(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "a recording configuration name has only letters, digits, - and _");
        var destination = Values.asMap(inputs.get("destinationConfiguration"));
        var s3 = destination == null ? null : Values.asMap(destination.get("s3"));
        if (s3 != null) {
            validator.string("destinationConfiguration.s3.bucketName", s3.get("bucketName"), 3, 63, Validator.BUCKET_PATTERN,
                    "an S3 bucket name has only lowercase letters, digits, - and .");
        }
        validator.range("recordingReconnectWindowSeconds", inputs.get("recordingReconnectWindowSeconds"), 0, 300);
        var thumbnails = Values.asMap(inputs.get("thumbnailConfiguration"));
        if (thumbnails != null) {
            validator.range("thumbnailConfiguration.targetIntervalSeconds", thumbnails.get("targetIntervalSeconds"), 1, 60);
            if ("DISABLED".equals(thumbnails.get("recordingMode")) && thumbnails.get("targetIntervalSeconds") != null) {
                validator.fail("thumbnailConfiguration.targetIntervalSeconds", thumbnails.get("targetIntervalSeconds")
                        + " is not allowed: targetIntervalSeconds applies only when recordingMode is INTERVAL");
            }
            noDuplicates(validator, "thumbnailConfiguration.storage", thumbnails.get("storage"));
        }
        var renditions = Values.asMap(inputs.get("renditionConfiguration"));
        if (renditions != null) {
            if ("CUSTOM".equals(renditions.get("renditionSelection"))
                    && !Values.isUnknown(renditions.get("renditions"))
                    && Values.stringList(renditions.get("renditions")).isEmpty()) {
                validator.fail("renditionConfiguration.renditions",
                        "missing: renditionSelection CUSTOM requires at least one rendition (SD, HD, FULL_HD, LOWEST_RESOLUTION)");
            }
            noDuplicates(validator, "renditionConfiguration.renditions", renditions.get("renditions"));
        }
    }

    private static void noDuplicates(Validator validator, String property, Object list) {
        var values = Values.stringList(list);
        if (new TreeSet<>(values).size() != values.size()) {
            validator.fail(property, values + " lists a value twice; each may appear once");
        }
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        if (!Values.isUnknown(normal.get("thumbnailConfiguration"))) {
            var thumbnails = new LinkedHashMap<String, Object>();
            thumbnails.putAll(orEmpty(Values.asMap(normal.get("thumbnailConfiguration"))));
            thumbnails.putIfAbsent("recordingMode", "INTERVAL");
            if ("INTERVAL".equals(thumbnails.get("recordingMode"))) {
                thumbnails.putIfAbsent("targetIntervalSeconds", 60L);
            } else if (!Values.isUnknown(thumbnails.get("recordingMode"))) {
                thumbnails.remove("targetIntervalSeconds");
            }
            thumbnails.putIfAbsent("storage", List.of("SEQUENTIAL"));
            thumbnails.computeIfPresent("storage", (k, v) -> Values.isUnknown(v) ? v : new ArrayList<>(new TreeSet<>(Values.stringList(v))));
            normal.put("thumbnailConfiguration", thumbnails);
        }
        if (!Values.isUnknown(normal.get("renditionConfiguration"))) {
            var renditions = new LinkedHashMap<String, Object>();
            renditions.putAll(orEmpty(Values.asMap(normal.get("renditionConfiguration"))));
            renditions.putIfAbsent("renditionSelection", "ALL");
            if (!"CUSTOM".equals(renditions.get("renditionSelection")) && !Values.isUnknown(renditions.get("renditionSelection"))) {
                renditions.remove("renditions"); // ignored by IVS unless CUSTOM
            } else {
                renditions.computeIfPresent("renditions", (k, v) -> Values.isUnknown(v) ? v : new ArrayList<>(new TreeSet<>(Values.stringList(v))));
            }
            normal.put("renditionConfiguration", renditions);
        }
        normal.putIfAbsent("recordingReconnectWindowSeconds", 0L);
        return normal;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        var destination = Values.asMap(inputs.get("destinationConfiguration"));
        String bucket = Values.string(Values.asMap(destination.get("s3")), "bucketName");
        var thumbnails = Values.asMap(inputs.get("thumbnailConfiguration"));
        var renditions = Values.asMap(inputs.get("renditionConfiguration"));
        RecordingConfiguration created;
        try {
            created = api().ivs().createRecordingConfiguration(b -> {
                b.name(Values.string(inputs, "name"))
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName(bucket)))
                        .tags(tags);
                Long window = Values.integer(inputs, "recordingReconnectWindowSeconds");
                if (window != null) {
                    b.recordingReconnectWindowSeconds(window.intValue());
                }
                if (thumbnails != null) {
                    b.thumbnailConfiguration(t -> {
                        t.recordingMode(Values.string(thumbnails, "recordingMode"))
                                .targetIntervalSeconds(Values.integer(thumbnails, "targetIntervalSeconds"))
                                .resolution(Values.string(thumbnails, "resolution"));
                        if (thumbnails.get("storage") != null) {
                            t.storageWithStrings(Values.stringList(thumbnails.get("storage")));
                        }
                    });
                }
                if (renditions != null) {
                    b.renditionConfiguration(r -> {
                        r.renditionSelection(Values.string(renditions, "renditionSelection"));
                        if (renditions.get("renditions") != null) {
                            r.renditionsWithStrings(Values.stringList(renditions.get("renditions")));
                        }
                    });
                }
            }).recordingConfiguration();
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, null);
        }
        var deadline = Deadline.start("create", request.timeout());
        RecordingConfiguration current;
        try {
            current = created.state() == RecordingConfigurationState.CREATING
                    ? api().waiters().waitForRecordingConfiguration(created.arn(), deadline.remaining()) : created;
        } catch (IvsApiException e) {
            throw new ResourceInitFailedException(created.arn(), outputs(created), List.of(
                    stillCreating("creating", created.arn(), deadline, e) + "; the next up waits again"), e);
        }
        var finished = activeOrDeleted(current, bucket);
        return new Live(finished.arn(), outputs(finished));
    }

    /** Why waiting for ACTIVE ended without an answer: the deadline (with how to raise it), a cancel, or an error. */
    private String stillCreating(String action, String arn, Deadline deadline, IvsApiException e) {
        String fix = e.is(IvsApiException.Kind.TIMEOUT) ? deadline.howToRaise() : e.kind().advice();
        String cause = e.is(IvsApiException.Kind.TIMEOUT)
                ? "it was still CREATING when " + deadline.describe() + " ran out"
                : "waiting for it to become ACTIVE failed: " + e.awsMessage();
        return message(action, arn, (action.equals("creating") ? "created, but " : "") + cause, fix);
    }

    /** An ACTIVE configuration as is; a CREATE_FAILED one is deleted again (it can never record) and reported. */
    private RecordingConfiguration activeOrDeleted(RecordingConfiguration current, String bucket) {
        String arn = current.arn();
        if (current.state() == RecordingConfigurationState.ACTIVE) {
            return current;
        }
        String cause = "IVS reports CREATE_FAILED. The S3 bucket \"" + bucket + "\" is probably in another region than "
                + api().region() + ", or does not exist, or IVS may not write to it";
        try {
            api().ivs().deleteRecordingConfiguration(b -> b.arn(arn));
        } catch (IvsApiException e) {
            throw new ResourceInitFailedException(arn, outputs(current), List.of(message("creating", arn, cause,
                    "The failed configuration could not be deleted (" + e.awsMessage() + "); fix the bucket and run up again")), e);
        }
        throw new ProviderException(message("creating", arn, cause,
                "Create the bucket in " + api().region() + " (or use one there) and run again"));
    }

    @Override
    public UpdateResult update(UpdateRequest request) {
        if (!request.preview()) {
            // a create that timed out while CREATING is finished here (the engine retries it as an update)
            var current = read(request.id(), Map.of(), Map.of());
            if (current.isPresent() && "CREATING".equals(current.get().outputs().get("state"))) {
                String bucket = bucketOf(Values.asMap(current.get().outputs().get("destinationConfiguration")));
                var deadline = Deadline.start("update", request.timeout());
                RecordingConfiguration finished;
                try {
                    finished = api().waiters().waitForRecordingConfiguration(request.id(), deadline.remaining());
                } catch (IvsApiException e) {
                    throw new ProviderException(stillCreating("updating", request.id(), deadline, e), e);
                }
                activeOrDeleted(finished, bucket);
            }
        }
        return super.update(request);
    }

    private static String bucketOf(Map<String, Object> destination) {
        return destination == null ? null : Values.string(Values.asMap(destination.get("s3")), "bucketName");
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getRecordingConfiguration(b -> b.arn(id)).recordingConfiguration())
                .map(found -> new Live(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
        var summaries = api().ivs().listRecordingConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.recordingConfigurations().stream());
        return Ownership.find(summaries, RecordingConfigurationSummary::tags, RecordingConfigurationSummary::arn, urn);
    }

    @Override
    protected void delete(String id, Map<String, Object> oldInputs, DeleteRequest request) {
        var deadline = Deadline.start("delete", request.timeout());
        var arns = channelsUsing(id);
        if (!arns.isEmpty()) {
            if (!context.config().detachRecordingConfigurations()) {
                throw new ProviderException(message("deleting", id, "still used by channel(s) " + String.join(", ", arns),
                        "Remove recordingConfigurationArn from those channels first, or set the provider's "
                                + "detachRecordingConfigurations: true to let the provider detach them"));
            }
            for (int detached = 0; detached < arns.size(); detached++) {
                if (deadline.expired()) {
                    throw new ProviderException(message("deleting", id, "detached " + detached + " of " + arns.size()
                            + " channels before " + deadline.describe() + " ran out",
                            deadline.howToRaise() + "; the channels already detached stay detached"));
                }
                detach(id, arns.get(detached), request.urn(), deadline);
            }
        }
        api().ivs().deleteRecordingConfiguration(b -> b.arn(id));
    }

    /** Every channel that records with the configuration: ListChannels filtered by it, all pages. */
    private List<String> channelsUsing(String arn) {
        return api().ivs().listChannelsPaginator(b -> b.filterByRecordingConfigurationArn(arn)).stream()
                .flatMap(page -> page.channels().stream())
                .map(ChannelSummary::arn).toList();
    }

    private void detach(String configurationArn, String channelArn, String urn, Deadline deadline) {
        String describe = describe("deleting", configurationArn) + " (detaching it from channel " + channelArn + ")";
        try {
            liveChannels.whileOffline(channelArn, urn, describe, deadline, () -> api().ivs().updateChannel(b -> b.arn(channelArn).recordingConfigurationArn("")));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                return; // the channel went away meanwhile
            }
            throw failure("deleting", configurationArn, e, "Detaching it from channel " + channelArn
                    + " failed; remove recordingConfigurationArn from that channel and run again");
        }
        context.log().warn(urn, "detached recording configuration " + configurationArn + " from channel " + channelArn
                + " before deleting it; that channel no longer records");
    }

    /** The configuration's outputs; shared with the getRecordingConfiguration function. */
    public static Map<String, Object> outputs(RecordingConfiguration configuration) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", configuration.arn());
        outputs.put("name", configuration.name());
        outputs.put("state", configuration.stateAsString());
        var s3 = configuration.destinationConfiguration() == null ? null : configuration.destinationConfiguration().s3();
        outputs.put("destinationConfiguration", Map.of("s3", Map.of("bucketName", s3 == null ? "" : s3.bucketName())));
        outputs.put("recordingReconnectWindowSeconds", configuration.recordingReconnectWindowSeconds() == null
                ? 0L : configuration.recordingReconnectWindowSeconds().longValue());
        var thumbnails = configuration.thumbnailConfiguration();
        if (thumbnails != null) {
            var map = new LinkedHashMap<String, Object>();
            map.put("recordingMode", thumbnails.recordingModeAsString());
            map.put("targetIntervalSeconds", thumbnails.targetIntervalSeconds());
            map.put("resolution", thumbnails.resolutionAsString());
            if (thumbnails.hasStorage()) {
                map.put("storage", new ArrayList<>(thumbnails.storageAsStrings()));
            }
            map.values().removeIf(v -> v == null);
            outputs.put("thumbnailConfiguration", map);
        }
        var renditions = configuration.renditionConfiguration();
        if (renditions != null) {
            var map = new LinkedHashMap<String, Object>();
            map.put("renditionSelection", renditions.renditionSelectionAsString());
            if (renditions.hasRenditions()) {
                map.put("renditions", new ArrayList<>(renditions.renditionsAsStrings()));
            }
            map.values().removeIf(v -> v == null);
            outputs.put("renditionConfiguration", map);
        }
        outputs.put("tags", configuration.tags() == null ? Map.of() : configuration.tags());
        return outputs;
    }
}
