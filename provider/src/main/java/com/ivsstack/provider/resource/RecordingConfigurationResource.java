package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.RecordingConfigurationDestinationConfiguration;
import com.ivsstack.provider.model.RecordingConfigurationInputs;
import com.ivsstack.provider.model.RecordingConfigurationOutputs;
import com.ivsstack.provider.model.RecordingConfigurationRenditionConfiguration;
import com.ivsstack.provider.model.RecordingConfigurationS3DestinationConfiguration;
import com.ivsstack.provider.model.RecordingConfigurationThumbnailConfiguration;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:index:RecordingConfiguration}: only tags update in place. Create waits until the configuration is ACTIVE
 * (CREATE_FAILED almost always means the bucket is in another region). Delete first detaches every channel that still
 * records with it, because IVS refuses to delete a configuration in use.
 */
public final class RecordingConfigurationResource
        extends IvsResource<RecordingConfigurationInputs, RecordingConfigurationOutputs> {

    public static final String TOKEN = RecordingConfigurationInputs.TOKEN;

    private static final String THUMBNAILS = RecordingConfigurationInputs.THUMBNAIL_CONFIGURATION;
    private static final String RENDITIONS = RecordingConfigurationInputs.RENDITION_CONFIGURATION;
    private static final String RECORDING_MODE = RecordingConfigurationThumbnailConfiguration.RECORDING_MODE;
    private static final String TARGET_INTERVAL = RecordingConfigurationThumbnailConfiguration.TARGET_INTERVAL_SECONDS;
    private static final String STORAGE = RecordingConfigurationThumbnailConfiguration.STORAGE;
    private static final String SELECTION = RecordingConfigurationRenditionConfiguration.RENDITION_SELECTION;
    private static final String RENDITION_LIST = RecordingConfigurationRenditionConfiguration.RENDITIONS;

    private final LiveChannels liveChannels;

    public RecordingConfigurationResource(ResourceContext context) {
        super(context, ResourceModels.RECORDING_CONFIGURATION);
        this.liveChannels = new LiveChannels(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(RecordingConfigurationInputs inputs, Validator validator) {
        validator.string(RecordingConfigurationInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "a recording configuration name has only letters, digits, - and _");
        var destination = inputs.destinationConfiguration();
        var s3 = destination == null ? null : destination.s3();
        if (s3 != null) {
            validator.string(PropertyValues.path(RecordingConfigurationInputs.DESTINATION_CONFIGURATION,
                            RecordingConfigurationDestinationConfiguration.S3, RecordingConfigurationS3DestinationConfiguration.BUCKET_NAME),
                    s3.bucketName(), 3, 63, Validator.BUCKET_PATTERN, "an S3 bucket name has only lowercase letters, digits, - and .");
        }
        // ranges name the value as given, whatever its kind
        validator.range(RecordingConfigurationInputs.RECORDING_RECONNECT_WINDOW_SECONDS,
                inputs.get(RecordingConfigurationInputs.RECORDING_RECONNECT_WINDOW_SECONDS), 0, 300);
        var thumbnails = inputs.thumbnailConfiguration();
        if (thumbnails != null) {
            validator.range(PropertyValues.path(THUMBNAILS, TARGET_INTERVAL), thumbnails.get(TARGET_INTERVAL), 1, 60);
            if ("DISABLED".equals(thumbnails.recordingMode()) && thumbnails.get(TARGET_INTERVAL) != null) {
                validator.fail(PropertyValues.path(THUMBNAILS, TARGET_INTERVAL), thumbnails.get(TARGET_INTERVAL)
                        + " is not allowed: targetIntervalSeconds applies only when recordingMode is INTERVAL");
            }
            validator.distinct(PropertyValues.path(THUMBNAILS, STORAGE), thumbnails.storage());
        }
        var renditions = inputs.renditionConfiguration();
        if (renditions != null) {
            if ("CUSTOM".equals(renditions.renditionSelection())
                    && !PropertyValues.isUnknown(renditions.get(RENDITION_LIST))
                    && renditions.renditions().isEmpty()) {
                validator.fail(PropertyValues.path(RENDITIONS, RENDITION_LIST),
                        "missing: renditionSelection CUSTOM requires at least one rendition (SD, HD, FULL_HD, LOWEST_RESOLUTION)");
            }
            validator.distinct(PropertyValues.path(RENDITIONS, RENDITION_LIST), renditions.renditions());
        }
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        if (!PropertyValues.isUnknown(normal.get(THUMBNAILS))) {
            var thumbnails = new LinkedHashMap<String, Object>();
            thumbnails.putAll(orEmpty(PropertyValues.asMap(normal.get(THUMBNAILS))));
            thumbnails.putIfAbsent(RECORDING_MODE, "INTERVAL");
            if ("INTERVAL".equals(thumbnails.get(RECORDING_MODE))) {
                thumbnails.putIfAbsent(TARGET_INTERVAL, 60L);
            } else if (!PropertyValues.isUnknown(thumbnails.get(RECORDING_MODE))) {
                thumbnails.remove(TARGET_INTERVAL);
            }
            thumbnails.putIfAbsent(STORAGE, List.of("SEQUENTIAL"));
            thumbnails.computeIfPresent(STORAGE, (k, v) -> sortedUnlessUnknown(v));
            normal.put(THUMBNAILS, thumbnails);
        }
        if (!PropertyValues.isUnknown(normal.get(RENDITIONS))) {
            var renditions = new LinkedHashMap<String, Object>();
            renditions.putAll(orEmpty(PropertyValues.asMap(normal.get(RENDITIONS))));
            renditions.putIfAbsent(SELECTION, "ALL");
            if (!"CUSTOM".equals(renditions.get(SELECTION)) && !PropertyValues.isUnknown(renditions.get(SELECTION))) {
                renditions.remove(RENDITION_LIST); // ignored by IVS unless CUSTOM
            } else {
                renditions.computeIfPresent(RENDITION_LIST, (k, v) -> sortedUnlessUnknown(v));
            }
            normal.put(RENDITIONS, renditions);
        }
        normal.putIfAbsent(RecordingConfigurationInputs.RECORDING_RECONNECT_WINDOW_SECONDS, 0L);
        return normal;
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live<RecordingConfigurationOutputs> create(RecordingConfigurationInputs inputs, Map<String, String> tags,
                                                         CreateRequest request) {
        String bucket = bucketOf(inputs.destinationConfiguration());
        var thumbnails = inputs.thumbnailConfiguration();
        var renditions = inputs.renditionConfiguration();
        RecordingConfiguration created;
        try {
            created = api().ivs().createRecordingConfiguration(b -> {
                b.name(inputs.name())
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName(bucket)))
                        .tags(tags);
                Long window = inputs.recordingReconnectWindowSeconds();
                if (window != null) {
                    b.recordingReconnectWindowSeconds(window.intValue());
                }
                if (thumbnails != null) {
                    b.thumbnailConfiguration(t -> {
                        t.recordingMode(thumbnails.recordingMode())
                                .targetIntervalSeconds(thumbnails.targetIntervalSeconds())
                                .resolution(thumbnails.resolution());
                        if (thumbnails.get(STORAGE) != null) {
                            t.storageWithStrings(thumbnails.storage());
                        }
                    });
                }
                if (renditions != null) {
                    b.renditionConfiguration(r -> {
                        r.renditionSelection(renditions.renditionSelection());
                        if (renditions.get(RENDITION_LIST) != null) {
                            r.renditionsWithStrings(renditions.renditions());
                        }
                    });
                }
            }).recordingConfiguration();
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, null);
        }
        var deadline = Deadline.start("create", request.timeout());
        RecordingConfiguration current;
        try {
            current = created.state() == RecordingConfigurationState.CREATING
                    ? api().waiters().waitForRecordingConfiguration(created.arn(), deadline.remaining()) : created;
        } catch (IvsApiException e) {
            throw new ResourceInitFailedException(created.arn(), outputs(created).asMap(), List.of(
                    stillCreating("creating", created.arn(), deadline, e) + "; the next up waits again"), e);
        }
        var finished = activeOrDeleted(current, bucket);
        return new Live<>(finished.arn(), outputs(finished));
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
            throw new ResourceInitFailedException(arn, outputs(current).asMap(), List.of(message("creating", arn, cause,
                    "The failed configuration could not be deleted (" + e.awsMessage() + "); fix the bucket and run up again")), e);
        }
        throw new ProviderException(message("creating", arn, cause,
                "Create the bucket in " + api().region() + " (or use one there) and run again"));
    }

    @Override
    public UpdateResult update(UpdateRequest request) {
        if (!request.preview()) {
            // a create that timed out while CREATING is finished here (the engine retries it as an update)
            var current = read(request.id(), inputs(Map.of()), outputs(Map.of()));
            if (current.isPresent() && "CREATING".equals(current.get().outputs().state())) {
                String bucket = bucketOf(current.get().outputs().destinationConfiguration());
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

    private static String bucketOf(RecordingConfigurationDestinationConfiguration destination) {
        var s3 = destination == null ? null : destination.s3();
        return s3 == null ? null : s3.bucketName();
    }

    @Override
    protected Optional<Live<RecordingConfigurationOutputs>> read(String id, RecordingConfigurationInputs oldInputs,
                                                                RecordingConfigurationOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().ivs().getRecordingConfiguration(b -> b.arn(id)).recordingConfiguration())
                .map(found -> new Live<>(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, RecordingConfigurationInputs oldInputs) {
        var summaries = api().ivs().listRecordingConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.recordingConfigurations().stream());
        return Ownership.find(summaries, RecordingConfigurationSummary::tags, RecordingConfigurationSummary::arn, urn);
    }

    @Override
    protected void delete(String id, RecordingConfigurationInputs oldInputs, DeleteRequest request) {
        var deadline = Deadline.start("delete", request.timeout());
        var arns = channelsUsing(id);
        if (!arns.isEmpty()) {
            if (!context.config().detachRecordingConfigurations()) {
                throw new ProviderException(stillUsed(id, arns));
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

    private String stillUsed(String id, List<String> channelArns) {
        return message("deleting", id, "still used by channel(s) " + String.join(", ", channelArns),
                "Remove recordingConfigurationArn from those channels first, or set the provider's "
                        + "detachRecordingConfigurations: true to let the provider detach them");
    }

    /**
     * The delete preflight: the channels still using the configuration (other than those the group deletes first)
     * make its delete fail when the provider may not detach them, or when one is live and the provider may not stop
     * it (detaching is an update of the channel, which IVS refuses while it is live).
     */
    @Override
    public List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        String id = request.id();
        try {
            var users = channelsUsing(id).stream().filter(arn -> !group.deletes(arn)).toList();
            if (users.isEmpty()) {
                return List.of();
            }
            if (!context.config().detachRecordingConfigurations()) {
                return List.of(stillUsed(id, users));
            }
            if (context.config().stopLiveStreams()) {
                return List.of();
            }
            var live = liveChannels.liveChannels(group);
            return users.stream().filter(live::contains)
                    .map(arn -> LiveChannels.liveRefusal(detaching(id, arn), arn)).toList();
        } catch (IvsApiException e) {
            throw failure("checking before deleting", id, e, null);
        }
    }

    private String detaching(String configurationArn, String channelArn) {
        return describe("deleting", configurationArn) + " (detaching it from channel " + channelArn + ")";
    }

    /** Every channel that records with the configuration: ListChannels filtered by it, all pages. */
    private List<String> channelsUsing(String arn) {
        return api().ivs().listChannelsPaginator(b -> b.filterByRecordingConfigurationArn(arn)).stream()
                .flatMap(page -> page.channels().stream())
                .map(ChannelSummary::arn).toList();
    }

    private void detach(String configurationArn, String channelArn, String urn, Deadline deadline) {
        String describe = detaching(configurationArn, channelArn);
        try {
            liveChannels.whileOffline(channelArn, urn, describe, deadline,
                    () -> api().ivs().updateChannel(b -> b.arn(channelArn).recordingConfigurationArn("")));
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
    public static RecordingConfigurationOutputs outputs(RecordingConfiguration configuration) {
        var s3 = configuration.destinationConfiguration() == null ? null : configuration.destinationConfiguration().s3();
        var outputs = RecordingConfigurationOutputs.builder()
                .arn(configuration.arn())
                .name(configuration.name())
                .state(configuration.stateAsString())
                .destinationConfiguration(RecordingConfigurationDestinationConfiguration.builder()
                        .s3(RecordingConfigurationS3DestinationConfiguration.builder()
                                .bucketName(s3 == null ? "" : s3.bucketName()).build())
                        .build())
                .recordingReconnectWindowSeconds(configuration.recordingReconnectWindowSeconds() == null
                        ? 0L : configuration.recordingReconnectWindowSeconds());
        var thumbnails = configuration.thumbnailConfiguration();
        if (thumbnails != null) {
            outputs.thumbnailConfiguration(RecordingConfigurationThumbnailConfiguration.builder()
                    .recordingMode(thumbnails.recordingModeAsString())
                    .targetIntervalSeconds(thumbnails.targetIntervalSeconds())
                    .resolution(thumbnails.resolutionAsString())
                    .storage(thumbnails.hasStorage() ? thumbnails.storageAsStrings() : null)
                    .build());
        }
        var renditions = configuration.renditionConfiguration();
        if (renditions != null) {
            outputs.renditionConfiguration(RecordingConfigurationRenditionConfiguration.builder()
                    .renditionSelection(renditions.renditionSelectionAsString())
                    .renditions(renditions.hasRenditions() ? renditions.renditionsAsStrings() : null)
                    .build());
        }
        return outputs.tags(configuration.tags() == null ? Map.of() : configuration.tags()).build();
    }
}
