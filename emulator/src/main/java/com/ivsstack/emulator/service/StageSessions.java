package com.ivsstack.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.store.StoredResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sessions of one stage and the participants of each, kept in the stage's bookkeeping, so that they go with the
 * stage. A session begins when the first participant joins and ends when the last one leaves (the service ends it a
 * few minutes later; the emulator at once). Only the admin API and ingest configurations make participants join;
 * there is no media.
 */
final class StageSessions {
    private static final String SESSIONS = "sessions";
    private static final String PARTICIPANTS = "participants";

    private final StoredResource stage;

    private StageSessions(StoredResource stage) {
        this.stage = stage;
    }

    static StageSessions of(StoredResource stage) {
        return new StageSessions(stage);
    }

    /**
     * Who joins a stage.
     *
     * @param participantId null for a new id
     * @param publish whether the participant publishes (otherwise it only subscribes)
     * @param protocol WHIP for a browser or SDK participant, RTMP or RTMPS for an ingest configuration's encoder
     */
    record Newcomer(String participantId, String userId, JsonNode attributes, boolean publish, String protocol) {
    }

    /** Every session, oldest first. */
    List<ObjectNode> all() {
        List<ObjectNode> sessions = new ArrayList<>();
        stage.internal().path(SESSIONS).forEach(s -> sessions.add((ObjectNode) s));
        return sessions;
    }

    /** The session in progress: the last one, while it has no end time. */
    Optional<ObjectNode> active() {
        List<ObjectNode> sessions = all();
        return sessions.isEmpty() || sessions.get(sessions.size() - 1).has("endTime") ? Optional.empty()
                : Optional.of(sessions.get(sessions.size() - 1));
    }

    Optional<ObjectNode> find(String sessionId) {
        return all().stream().filter(s -> sessionId.equals(s.get("sessionId").asText())).findFirst();
    }

    /** The session's participants (the Participant documents), in the order they first joined. */
    static List<ObjectNode> participants(ObjectNode session) {
        List<ObjectNode> participants = new ArrayList<>();
        session.path(PARTICIPANTS).forEach(p -> participants.add((ObjectNode) p));
        return participants;
    }

    static Optional<ObjectNode> participant(ObjectNode session, String participantId) {
        return participants(session).stream()
                .filter(p -> participantId.equals(p.get("participantId").asText())).findFirst();
    }

    /** The StageSession document: its id, start and (once it has ended) end. */
    static ObjectNode render(ObjectNode session) {
        return Resources.pick(session, "sessionId", "startTime", "endTime");
    }

    /** Whether a participant's recording is in progress (the stage's recording settings cannot change then). */
    boolean recording() {
        return active().stream().flatMap(s -> participants(s).stream())
                .anyMatch(p -> "ACTIVE".equals(p.path("recordingState").asText()));
    }

    /**
     * The newcomer joins the session in progress, or starts one; returns its Participant document. One already
     * connected is a 409; a 13th publisher a 402. A participant that left the session in progress comes back.
     */
    ObjectNode join(RequestContext context, Newcomer newcomer) {
        Optional<ObjectNode> current = active();
        String participantId = newcomer.participantId() == null ? Ids.random(12) : newcomer.participantId();
        Optional<ObjectNode> earlier = current.flatMap(s -> participant(s, participantId));
        if (earlier.isPresent() && isConnected(earlier.get())) {
            throw ApiException.conflict("Participant " + participantId + " is already connected to stage "
                    + stage.arn());
        }
        long publishers = current.stream().flatMap(s -> participants(s).stream())
                .filter(p -> isConnected(p) && p.path("published").asBoolean()).count();
        if (newcomer.publish() && publishers >= EmulatorSettings.MAX_STAGE_PUBLISHERS) {
            throw ApiException.quotaExceeded("Stage " + stage.arn() + " already has "
                    + EmulatorSettings.MAX_STAGE_PUBLISHERS + " publishers, the most a stage takes at once");
        }
        ObjectNode session = current.orElseGet(() -> startSession(context));
        ObjectNode participant = earlier.orElseGet(() -> {
            ObjectNode created = ((ArrayNode) session.get(PARTICIPANTS)).addObject();
            created.put("participantId", participantId);
            created.put("userId", newcomer.userId() == null ? "" : newcomer.userId());
            created.put("firstJoinTime", JsonDocuments.timestamp(context.now()));
            created.set("attributes", newcomer.attributes() == null ? JsonDocuments.object()
                    : newcomer.attributes().deepCopy());
            created.put("published", false);
            created.put("protocol", newcomer.protocol());
            created.put("replicationType", "NONE");
            return created;
        });
        participant.put("state", "CONNECTED");
        participant.put("published", participant.get("published").asBoolean() || newcomer.publish());
        startRecording(context, session, participant, newcomer.publish());
        return participant;
    }

    /** The participant leaves the session in progress (404 when it is not connected); the last one ends it. */
    void leave(RequestContext context, String participantId) {
        ObjectNode session = active().orElseThrow(() -> notConnected(participantId));
        ObjectNode participant = participant(session, participantId).filter(StageSessions::isConnected)
                .orElseThrow(() -> notConnected(participantId));
        participant.put("state", "DISCONNECTED");
        if ("ACTIVE".equals(participant.path("recordingState").asText())) {
            participant.put("recordingState", "STOPPED");
        }
        if (participants(session).stream().noneMatch(StageSessions::isConnected)) {
            session.put("endTime", JsonDocuments.timestamp(context.now()));
        }
    }

    /** Every connected participant leaves, which ends the session in progress (DeleteStage). */
    void disconnectAll(RequestContext context) {
        active().ifPresent(session -> participants(session).stream().filter(StageSessions::isConnected)
                .map(p -> p.get("participantId").asText()).toList()
                .forEach(participantId -> leave(context, participantId)));
    }

    /** Whether the participant is connected to the session in progress. */
    boolean isConnected(String participantId) {
        return active().flatMap(s -> participant(s, participantId)).filter(StageSessions::isConnected).isPresent();
    }

    static boolean isConnected(JsonNode participant) {
        return "CONNECTED".equals(participant.path("state").asText());
    }

    private ObjectNode startSession(RequestContext context) {
        ArrayNode sessions = stage.internal().has(SESSIONS) ? (ArrayNode) stage.internal().get(SESSIONS)
                : stage.internal().putArray(SESSIONS);
        ObjectNode session = sessions.addObject();
        session.put("sessionId", Ids.stageSessionId());
        session.put("startTime", JsonDocuments.timestamp(context.now()));
        session.putArray(PARTICIPANTS);
        return session;
    }

    /**
     * A publisher on a stage with individual participant recording is recorded into the storage configuration's
     * bucket, under {@code <stage id>/<session id>/<participant id>/<start in epoch ms>}; anyone else is not.
     */
    private void startRecording(RequestContext context, ObjectNode session, ObjectNode participant, boolean publish) {
        JsonNode recording = stage.document().path("autoParticipantRecordingConfiguration");
        String storage = recording.path("storageConfigurationArn").asText("");
        boolean mediaRecorded = !recording.path("mediaTypes").toString().contains("NONE");
        Optional<StoredResource> configuration = storage.isEmpty() ? Optional.empty()
                : context.store().get(StoredResourceType.STORAGE_CONFIGURATION, storage);
        if (publish && mediaRecorded && configuration.isPresent()) {
            participant.put("recordingS3BucketName", configuration.get().document().path("s3").path("bucketName")
                    .asText());
            participant.put("recordingS3Prefix", stage.arn().substring(stage.arn().lastIndexOf('/') + 1) + "/"
                    + session.get("sessionId").asText() + "/" + participant.get("participantId").asText() + "/"
                    + context.now().toEpochMilli());
            participant.put("recordingState", "ACTIVE");
        } else if (!participant.has("recordingState")) {
            participant.put("recordingS3BucketName", "");
            participant.put("recordingS3Prefix", "");
            participant.put("recordingState", "DISABLED");
        }
    }

    private ApiException notConnected(String participantId) {
        return new ApiException(ErrorType.RESOURCE_NOT_FOUND, "Participant " + participantId
                + " is not connected to stage " + stage.arn());
    }
}
