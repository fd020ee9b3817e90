package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.StageAutoParticipantRecordingConfiguration;
import com.ivsstack.provider.model.realtime.StageEndpoints;
import com.ivsstack.provider.model.realtime.StageHlsConfiguration;
import com.ivsstack.provider.model.realtime.StageInputs;
import com.ivsstack.provider.model.realtime.StageOutputs;
import com.ivsstack.provider.model.realtime.StageThumbnailConfiguration;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivsrealtime.model.AutoParticipantRecordingConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:realtime:Stage}: every input updates in place (UpdateStage). Deleting a stage disconnects its participants,
 * so a stage with connected participants is deleted only when the provider's {@code disconnectParticipants} allows it
 * ({@link LiveStages}); IVS refuses to change the recording settings while it records, and then the same applies.
 */
public final class StageResource extends IvsResource<StageInputs, StageOutputs> {

    public static final String TOKEN = StageInputs.TOKEN;

    private static final String RECORDING = StageInputs.AUTO_PARTICIPANT_RECORDING_CONFIGURATION;
    private static final String STORAGE = StageAutoParticipantRecordingConfiguration.STORAGE_CONFIGURATION_ARN;
    private static final String MEDIA_TYPES = StageAutoParticipantRecordingConfiguration.MEDIA_TYPES;
    private static final String THUMBNAILS = StageAutoParticipantRecordingConfiguration.THUMBNAIL_CONFIGURATION;
    private static final String RECONNECT_WINDOW = StageAutoParticipantRecordingConfiguration.RECORDING_RECONNECT_WINDOW_SECONDS;
    private static final String HLS = StageAutoParticipantRecordingConfiguration.HLS_CONFIGURATION;
    private static final String REPLICAS = StageAutoParticipantRecordingConfiguration.RECORD_PARTICIPANT_REPLICAS;
    private static final String THUMBNAIL_MODE = StageThumbnailConfiguration.RECORDING_MODE;
    private static final String THUMBNAIL_INTERVAL = StageThumbnailConfiguration.TARGET_INTERVAL_SECONDS;
    private static final String THUMBNAIL_STORAGE = StageThumbnailConfiguration.STORAGE;
    private static final String SEGMENT_DURATION = StageHlsConfiguration.TARGET_SEGMENT_DURATION_SECONDS;

    private final LiveStages liveStages;

    public StageResource(ResourceContext context) {
        super(context, ResourceModels.STAGE);
        this.liveStages = new LiveStages(context);
    }

    // ---- check and diff ---------------------------------------------------------------------------------------

    @Override
    protected void validate(StageInputs inputs, Validator validator) {
        validator.string(StageInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "a stage name has only letters, digits, - and _");
        var recording = inputs.autoParticipantRecordingConfiguration();
        if (recording == null) {
            return;
        }
        validator.arn(path(STORAGE), recording.storageConfigurationArn(), "storage-configuration", true);
        validator.maxItems(path(MEDIA_TYPES), recording.get(MEDIA_TYPES), 1);
        validator.range(path(RECONNECT_WINDOW), recording.get(RECONNECT_WINDOW), 0, 300);
        var thumbnails = recording.thumbnailConfiguration();
        if (thumbnails != null) {
            Object interval = thumbnails.get(THUMBNAIL_INTERVAL);
            validator.range(path(THUMBNAILS, THUMBNAIL_INTERVAL), interval, 1, 86400);
            boolean modeUnknown = PropertyValues.isUnknown(thumbnails.get(THUMBNAIL_MODE));
            if (interval != null && !PropertyValues.isUnknown(interval) && !modeUnknown
                    && !"INTERVAL".equals(thumbnails.recordingMode())) {
                validator.fail(path(THUMBNAILS, THUMBNAIL_INTERVAL), interval + " is not allowed: targetIntervalSeconds "
                        + "applies only when recordingMode is INTERVAL (the default for stages is DISABLED)");
            }
            validator.distinct(path(THUMBNAILS, THUMBNAIL_STORAGE), thumbnails.storage());
        }
        var hls = recording.hlsConfiguration();
        if (hls != null) {
            validator.range(path(HLS, SEGMENT_DURATION), hls.get(SEGMENT_DURATION), 2, 10);
        }
        if ("".equals(recording.storageConfigurationArn())) {
            noEffectWithoutStorage(recording, validator);
        }
    }

    /**
     * With storageConfigurationArn "" recording is off, and IVS resets every other member to its default: a member
     * declared with another value would never be what IVS keeps, and would show as a change at every run.
     */
    private static void noEffectWithoutStorage(StageAutoParticipantRecordingConfiguration recording, Validator validator) {
        var declared = withoutEmpties(recording.asMap());
        var withStorage = new LinkedHashMap<>(declared);
        withStorage.put(STORAGE, "-");
        var given = recordingNormalForm(withStorage);
        var defaults = recordingNormalForm(Map.of(STORAGE, "-"));
        for (String member : declared.keySet()) {
            if (!member.equals(STORAGE) && !PropertyValues.same(given.get(member), defaults.get(member))) {
                validator.fail(path(member), PropertyValues.show(declared.get(member)) + " has no effect: with "
                        + "storageConfigurationArn \"\" recording is off, and IVS resets every other member to its "
                        + "default; remove it, or give a storage configuration");
            }
        }
    }

    private static String path(String member, String... more) {
        return PropertyValues.path(RECORDING, member, more);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        Object recording = normal.get(RECORDING);
        if (recording != null && !PropertyValues.isUnknown(recording)) {
            var form = recordingNormalForm(orEmpty(PropertyValues.asMap(recording)));
            if (form == null) {
                normal.remove(RECORDING);
            } else {
                normal.put(RECORDING, form);
            }
        }
        return normal;
    }

    /**
     * The recording settings as IVS keeps them: null when recording is off (IVS then resets every member), otherwise
     * every member with its documented default filled in. Empty values are already removed.
     */
    private static Map<String, Object> recordingNormalForm(Map<String, Object> recording) {
        if (!recording.containsKey(STORAGE)) {
            return null;
        }
        var form = new LinkedHashMap<>(recording);
        form.putIfAbsent(MEDIA_TYPES, List.of("AUDIO_VIDEO"));
        if (!PropertyValues.isUnknown(form.get(THUMBNAILS))) {
            var thumbnails = new LinkedHashMap<>(orEmpty(PropertyValues.asMap(form.get(THUMBNAILS))));
            thumbnails.putIfAbsent(THUMBNAIL_MODE, "DISABLED");
            if ("INTERVAL".equals(thumbnails.get(THUMBNAIL_MODE))) {
                thumbnails.putIfAbsent(THUMBNAIL_INTERVAL, 60L);
            } else if (!PropertyValues.isUnknown(thumbnails.get(THUMBNAIL_MODE))) {
                thumbnails.remove(THUMBNAIL_INTERVAL); // reported as 60, and meaningless, while thumbnails are off
            }
            thumbnails.putIfAbsent(THUMBNAIL_STORAGE, List.of("SEQUENTIAL"));
            thumbnails.computeIfPresent(THUMBNAIL_STORAGE, (k, v) -> sortedUnlessUnknown(v));
            form.put(THUMBNAILS, thumbnails);
        }
        form.putIfAbsent(RECONNECT_WINDOW, 0L);
        if (!PropertyValues.isUnknown(form.get(HLS))) {
            var hls = new LinkedHashMap<>(orEmpty(PropertyValues.asMap(form.get(HLS))));
            hls.putIfAbsent(SEGMENT_DURATION, 6L);
            form.put(HLS, hls);
        }
        form.putIfAbsent(REPLICAS, true);
        return form;
    }

    // ---- create, read, update, delete -------------------------------------------------------------------------

    @Override
    protected Live<StageOutputs> create(StageInputs inputs, Map<String, String> tags, CreateRequest request) {
        var recording = recording(inputs.autoParticipantRecordingConfiguration());
        try {
            var stage = api().realTime().createStage(b -> b
                    .name(inputs.name())
                    .autoParticipantRecordingConfiguration(recording)
                    .tags(tags)).stage();
            return new Live<>(stage.arn(), outputs(stage));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, e.is(IvsApiException.Kind.QUOTA_EXCEEDED)
                    ? "IVS allows 1,000 stages per region by default; delete stages you no longer use or ask for a higher quota"
                    : null);
        }
    }

    @Override
    protected Optional<Live<StageOutputs>> read(String id, StageInputs oldInputs, StageOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getStage(b -> b.arn(id)).stage())
                .map(stage -> new Live<>(id, outputs(stage)));
    }

    @Override
    protected Optional<String> findOwned(String urn, StageInputs oldInputs) {
        var summaries = api().realTime().listStagesPaginator(b -> { }).stream()
                .flatMap(page -> page.stages().stream());
        return Ownership.find(summaries, StageSummary::tags, StageSummary::arn, urn);
    }

    /**
     * Sends only what changed: the recording settings cannot change while a participant is being recorded, and a
     * rename must not fail for that. When IVS refuses because the stage records, the participants are disconnected if
     * the provider may (they may rejoin at once: the rounds are bounded by the update's deadline).
     */
    @Override
    protected void updateInPlace(String id, StageInputs oldInputs, StageInputs news, UpdateRequest request) {
        var before = normalize(oldInputs.asMap());
        var after = normalize(news.asMap());
        boolean renamed = !PropertyValues.same(before.get(StageInputs.NAME), after.get(StageInputs.NAME));
        boolean recordingChanged = !PropertyValues.same(before.get(RECORDING), after.get(RECORDING));
        if (!renamed && !recordingChanged) {
            return;
        }
        var recording = recordingChanged ? recordingOrOff(news.autoParticipantRecordingConfiguration()) : null;
        String describe = describe("updating", id);
        var deadline = Deadline.start("update", request.timeout());
        while (true) {
            try {
                api().realTime().updateStage(b -> {
                    b.arn(id);
                    if (renamed) {
                        b.name(orNone(news.name()));
                    }
                    b.autoParticipantRecordingConfiguration(recording);
                });
                return;
            } catch (IvsApiException e) {
                if (!e.is(IvsApiException.Kind.CONFLICT) || !recordingChanged) {
                    throw failure("updating", id, e, null);
                }
                var session = liveStages.liveSession(id).orElseThrow(() -> failure("updating", id, e, null));
                if (!liveStages.mayDisconnect()) {
                    throw new ProviderException(LiveStages.refusal(describe, session.describe(), "IVS cannot change "
                            + "autoParticipantRecordingConfiguration while it records them", "they have left", "them"), e);
                }
                if (deadline.expired()) {
                    throw new ProviderException(describe + ": " + session.describe() + " again each time its "
                            + "participants were disconnected, until " + deadline.describe() + " ran out. "
                            + deadline.howToRaise(), e);
                }
                liveStages.disconnectAll(session, request.urn(), "so that IVS accepts the new autoParticipantRecordingConfiguration");
            }
        }
    }

    @Override
    protected void delete(String id, StageInputs oldInputs, DeleteRequest request) {
        var session = liveStages.liveSession(id);
        if (session.isPresent()) {
            if (!liveStages.mayDisconnect()) {
                throw new ProviderException(deletingRefusal(id, session.get()));
            }
            context.log().warn(request.urn(), "deleting stage " + id + " disconnects its " + session.get().participantIds().size()
                    + " participant(s) of session " + session.get().sessionId() + " (disconnectParticipants is true)");
        }
        try {
            api().realTime().deleteStage(b -> b.arn(id));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.CONFLICT)) {
                throw failure("deleting", id, e, "Stop the stage's compositions (StopComposition) and run again");
            }
            throw e;
        }
    }

    private String deletingRefusal(String id, LiveStages.LiveSession session) {
        return LiveStages.refusal(describe("deleting", id), session.describe(), "deleting the stage disconnects them",
                "they have left", "them");
    }

    /**
     * The delete preflight: a stage with connected participants blocks its delete unless the provider may disconnect
     * them. The sessions in progress are listed once for the group (ListStages), and only a stage with one is asked
     * for its participants.
     */
    @Override
    public List<String> deleteBlockers(DeleteRequest request, DeleteGroup group) {
        if (liveStages.mayDisconnect()) {
            return List.of();
        }
        String id = request.id();
        try {
            return liveStages.connected(id, liveStages.activeSessions(group).get(id))
                    .map(session -> List.of(deletingRefusal(id, session))).orElse(List.of());
        } catch (IvsApiException e) {
            throw failure("checking before deleting", id, e, null);
        }
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    /** The SDK's recording settings for the declared ones; null when none are declared. */
    private static AutoParticipantRecordingConfiguration recording(StageAutoParticipantRecordingConfiguration declared) {
        if (declared == null) {
            return null;
        }
        var builder = AutoParticipantRecordingConfiguration.builder()
                .storageConfigurationArn(orNone(declared.storageConfigurationArn()))
                .recordingReconnectWindowSeconds(toInteger(declared.recordingReconnectWindowSeconds()))
                .recordParticipantReplicas(declared.recordParticipantReplicas());
        if (declared.get(MEDIA_TYPES) != null) {
            builder.mediaTypesWithStrings(declared.mediaTypes());
        }
        var thumbnails = declared.thumbnailConfiguration();
        if (thumbnails != null) {
            builder.thumbnailConfiguration(t -> {
                t.recordingMode(thumbnails.recordingMode()).targetIntervalSeconds(toInteger(thumbnails.targetIntervalSeconds()));
                if (thumbnails.get(THUMBNAIL_STORAGE) != null) {
                    t.storageWithStrings(thumbnails.storage());
                }
            });
        }
        var hls = declared.hlsConfiguration();
        if (hls != null) {
            builder.hlsConfiguration(h -> h.targetSegmentDurationSeconds(toInteger(hls.targetSegmentDurationSeconds())));
        }
        return builder.build();
    }

    /** The declared recording settings, or recording off ("" resets every member) when none are declared. */
    private static AutoParticipantRecordingConfiguration recordingOrOff(StageAutoParticipantRecordingConfiguration declared) {
        var recording = recording(declared);
        return recording != null ? recording : AutoParticipantRecordingConfiguration.builder().storageConfigurationArn("").build();
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    /** The stage's outputs; shared with the getStage function. */
    public static StageOutputs outputs(Stage stage) {
        var outputs = StageOutputs.builder()
                .arn(stage.arn())
                .name(stage.name())
                .activeSessionId(orNone(stage.activeSessionId()))
                .autoParticipantRecordingConfiguration(recordingOutputs(stage.autoParticipantRecordingConfiguration()))
                .tags(stage.tags() == null ? Map.of() : stage.tags());
        var endpoints = stage.endpoints();
        if (endpoints != null) {
            outputs.endpoints(StageEndpoints.builder().events(endpoints.events()).whip(endpoints.whip())
                    .rtmp(endpoints.rtmp()).rtmps(endpoints.rtmps()).build());
        }
        return outputs.build();
    }

    /**
     * The recording settings as outputs: with recording off, only {@code storageConfigurationArn: ""} (IVS reports the
     * reset defaults of the other members, which mean nothing then, and which an imported stage must not declare).
     */
    private static StageAutoParticipantRecordingConfiguration recordingOutputs(AutoParticipantRecordingConfiguration recording) {
        String storage = recording == null ? "" : orNone(recording.storageConfigurationArn());
        var outputs = StageAutoParticipantRecordingConfiguration.builder().storageConfigurationArn(storage);
        if (storage.isEmpty()) {
            return outputs.build();
        }
        outputs.mediaTypes(recording.hasMediaTypes() ? recording.mediaTypesAsStrings() : null)
                .recordingReconnectWindowSeconds(recording.recordingReconnectWindowSeconds())
                .recordParticipantReplicas(recording.recordParticipantReplicas());
        var thumbnails = recording.thumbnailConfiguration();
        if (thumbnails != null) {
            outputs.thumbnailConfiguration(StageThumbnailConfiguration.builder()
                    .recordingMode(thumbnails.recordingModeAsString())
                    .targetIntervalSeconds(thumbnails.targetIntervalSeconds())
                    .storage(thumbnails.hasStorage() ? thumbnails.storageAsStrings() : null)
                    .build());
        }
        var hls = recording.hlsConfiguration();
        if (hls != null) {
            outputs.hlsConfiguration(StageHlsConfiguration.builder()
                    .targetSegmentDurationSeconds(hls.targetSegmentDurationSeconds()).build());
        }
        return outputs.build();
    }
}
