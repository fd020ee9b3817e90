package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.Shapes.bool;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.map;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StringShape;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * IVS RealTime stage sessions and their participants: ListStageSessions, GetStageSession, ListParticipants,
 * GetParticipant and DisconnectParticipant. Participants join through the admin API ({@link #join}, {@link #leave})
 * or by publishing with an ingest configuration.
 */
public final class StageSessionService {
    static final int RATE = StageService.RATE;
    private static final List<String> PARTICIPANT_FILTERS = List.of("filterByUserId", "filterByPublished",
            "filterByState", "filterByRecordingState");

    static StringShape sessionId() {
        return string().length(16, 16).pattern("^st-[a-zA-Z0-9]+$");
    }

    static StringShape participantId() {
        return string().length(0, 64).pattern("^[a-zA-Z0-9-]*$");
    }

    static final StructureShape LIST_SESSIONS = structure()
            .required("stageArn", arn("stage"))
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));
    static final StructureShape GET_SESSION = structure()
            .required("stageArn", arn("stage"))
            .required("sessionId", sessionId());
    static final StructureShape LIST_PARTICIPANTS = structure()
            .required("stageArn", arn("stage"))
            .required("sessionId", sessionId())
            .optional("filterByUserId", string().length(0, 128))
            .optional("filterByPublished", bool())
            .optional("filterByState", enumOf("CONNECTED", "DISCONNECTED"))
            .optional("filterByRecordingState", enumOf("STARTING", "ACTIVE", "STOPPING", "STOPPED", "FAILED"))
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));
    static final StructureShape GET_PARTICIPANT = structure()
            .required("stageArn", arn("stage"))
            .required("sessionId", sessionId())
            .required("participantId", participantId());
    static final StructureShape DISCONNECT = structure()
            .required("stageArn", arn("stage"))
            .required("participantId", string().length(0, 64).pattern("^[a-zA-Z0-9-_]*$"))
            .optional("reason", string().length(0, 128));

    public void register(OperationRegistry registry) {
        registry.read(REALTIME, "ListStageSessions", RATE, LIST_SESSIONS, this::listSessions);
        registry.read(REALTIME, "GetStageSession", RATE, GET_SESSION, this::getSession);
        registry.read(REALTIME, "ListParticipants", RATE, LIST_PARTICIPANTS, this::listParticipants);
        registry.read(REALTIME, "GetParticipant", RATE, GET_PARTICIPANT, this::getParticipant);
        registry.write(REALTIME, "DisconnectParticipant", 200, RATE, DISCONNECT, this::disconnect);
    }

    /**
     * A simulated participant (a WHIP client: a browser or mobile SDK) joins the stage (admin API); returns its
     * Participant document and its sessionId.
     */
    public ObjectNode join(RequestContext context, String stageArn, String userId, JsonNode attributes,
                           boolean publish) {
        StageSessions.Newcomer newcomer = new StageSessions.Newcomer(null, userId, attributes, publish, "WHIP");
        List<String> errors = Resources.errors();
        string().length(0, 128).check(TextNode.valueOf(userId), "userId", errors);
        map(string(), string()).check(attributes, "attributes", errors);
        Resources.checkAttributesSize(attributes, "attributes", errors);
        RequestValidator.fail(errors);
        StageSessions sessions = StageSessions.of(Resources.require(context, StoredResourceType.STAGE, stageArn));
        ObjectNode participant = sessions.join(context, newcomer).deepCopy();
        participant.put("sessionId", sessions.active().orElseThrow().get("sessionId").asText());
        return participant;
    }

    /** A simulated participant leaves the stage (admin API); 404 when it is not connected. */
    public void leave(RequestContext context, String stageArn, String participantId) {
        StoredResource stage = Resources.require(context, StoredResourceType.STAGE, stageArn);
        IngestConfigurationService.publishingAs(context, stageArn, participantId).ifPresentOrElse(
                ingest -> IngestConfigurationService.stopPublishing(context, ingest),
                () -> StageSessions.of(stage).leave(context, participantId));
    }

    private JsonNode listSessions(RequestContext context, ObjectNode input) {
        List<ObjectNode> newestFirst = new ArrayList<>(sessionsOf(context, input));
        Collections.reverse(newestFirst);
        return Resources.listResponse("stageSessions", Pagination.page(ordinals(newestFirst.size()), i -> i, input, 50),
                i -> StageSessions.render(newestFirst.get(i.intValue())));
    }

    private JsonNode getSession(RequestContext context, ObjectNode input) {
        ObjectNode response = JsonDocuments.object();
        response.set("stageSession", StageSessions.render(requireSession(context, input)));
        return response;
    }

    private JsonNode listParticipants(RequestContext context, ObjectNode input) {
        List<String> given = PARTICIPANT_FILTERS.stream().filter(input::hasNonNull).toList();
        if (given.size() > 1) {
            throw ApiException.validation("Only one of " + String.join(", ", PARTICIPANT_FILTERS) + " can be "
                    + "provided per request; this one has " + String.join(" and ", given));
        }
        Predicate<JsonNode> filter = given.isEmpty() ? p -> true : participantFilter(given.get(0), input.get(given.get(0)));
        String sessionId = input.get("sessionId").asText();
        List<ObjectNode> matching = sessionsOf(context, input).stream()
                .filter(s -> sessionId.equals(s.get("sessionId").asText()))
                .flatMap(s -> StageSessions.participants(s).stream()).filter(filter).toList();
        return Resources.listResponse("participants", Pagination.page(ordinals(matching.size()), i -> i, input, 50),
                i -> Resources.pick(matching.get(i.intValue()), "participantId", "userId", "state", "firstJoinTime",
                        "published", "recordingState", "replicationType"));
    }

    private static Predicate<JsonNode> participantFilter(String name, JsonNode value) {
        String member = switch (name) {
            case "filterByUserId" -> "userId";
            case "filterByPublished" -> "published";
            case "filterByState" -> "state";
            default -> "recordingState";
        };
        return participant -> participant.path(member).equals(value);
    }

    private JsonNode getParticipant(RequestContext context, ObjectNode input) {
        String participantId = input.get("participantId").asText();
        ObjectNode participant = StageSessions.participant(requireSession(context, input), participantId)
                .orElseThrow(() -> new ApiException(ErrorType.RESOURCE_NOT_FOUND, "Participant " + participantId
                        + " not found in session " + input.get("sessionId").asText()));
        ObjectNode response = JsonDocuments.object();
        response.set("participant", participant.deepCopy());
        return response;
    }

    /** Disconnects a connected participant; one publishing with an ingest configuration detaches it too. */
    private JsonNode disconnect(RequestContext context, ObjectNode input) {
        String stageArn = input.get("stageArn").asText();
        String participantId = input.get("participantId").asText();
        StoredResource stage = Resources.require(context, StoredResourceType.STAGE, stageArn);
        Optional<StoredResource> ingest = IngestConfigurationService.publishingAs(context, stageArn, participantId);
        StageSessions.of(stage).leave(context, participantId);
        ingest.ifPresent(i -> IngestConfigurationService.detach(i));
        return JsonDocuments.object();
    }

    /** The sessions of the request's stage, oldest first; a stage that does not exist has none (no 404 modeled). */
    private static List<ObjectNode> sessionsOf(RequestContext context, ObjectNode input) {
        String stageArn = input.get("stageArn").asText();
        return Resources.exists(context, StoredResourceType.STAGE, stageArn)
                ? StageSessions.of(context.store().get(StoredResourceType.STAGE, stageArn).orElseThrow()).all()
                : List.of();
    }

    private static ObjectNode requireSession(RequestContext context, ObjectNode input) {
        String sessionId = input.get("sessionId").asText();
        StoredResource stage = Resources.require(context, StoredResourceType.STAGE, input.get("stageArn").asText());
        return StageSessions.of(stage).find(sessionId).orElseThrow(() -> new ApiException(
                ErrorType.RESOURCE_NOT_FOUND, "Session " + sessionId + " of stage " + stage.arn() + " not found"));
    }

    private static List<Long> ordinals(int count) {
        return Stream.iterate(0L, i -> i + 1).limit(count).toList();
    }
}
