package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.aws.IvsApiException;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connected participants of IVS RealTime stages. Deleting a stage disconnects them, and IVS refuses to change or
 * delete an ingest configuration while its encoder publishes (or a stage's recording settings while it records). The
 * provider refuses such changes itself, naming the stage, its session and how many participants are connected, unless
 * the provider's {@code disconnectParticipants} allows them, and then it disconnects them.
 */
final class LiveStages {

    private final ResourceContext context;

    LiveStages(ResourceContext context) {
        this.context = context;
    }

    /** A stage's session in progress and the participants connected to it. */
    record LiveSession(String stageArn, String sessionId, List<String> participantIds) {

        /** "stage arn has 2 participants connected in session st-..." */
        String describe() {
            return "stage " + stageArn + " has " + connected();
        }

        /** "an encoder is publishing with it into stage arn, which has 2 participants connected in session st-..." */
        String describeAsEncoderTarget() {
            return "an encoder is publishing with it into stage " + stageArn + ", which has " + connected();
        }

        private String connected() {
            int count = participantIds.size();
            return count + (count == 1 ? " participant" : " participants") + " connected in session " + sessionId;
        }
    }

    boolean mayDisconnect() {
        return context.config().disconnectParticipants();
    }

    /** The stage's session in progress with its connected participants; empty when nobody is connected. */
    Optional<LiveSession> liveSession(String stageArn) {
        String sessionId = IvsApiException.emptyIfNotFound(() -> context.api().realTime()
                .getStage(b -> b.arn(stageArn)).stage().activeSessionId()).orElse(null);
        return connected(stageArn, sessionId);
    }

    /** The participants connected to the session (ListParticipants filtered by state, every page); empty when none. */
    Optional<LiveSession> connected(String stageArn, String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return Optional.empty();
        }
        var participants = context.api().realTime().listParticipantsPaginator(b -> b.stageArn(stageArn)
                        .sessionId(sessionId).filterByState(ParticipantState.CONNECTED)).stream()
                .flatMap(page -> page.participants().stream()).map(ParticipantSummary::participantId).toList();
        return participants.isEmpty() ? Optional.empty() : Optional.of(new LiveSession(stageArn, sessionId, participants));
    }

    /** The session in progress of every stage that has one, by stage ARN: one ListStages for the whole delete group. */
    Map<String, String> activeSessions(DeleteGroup group) {
        return group.shared("ivs:activeStageSessions", () -> context.api().realTime().listStagesPaginator(b -> { })
                .stream().flatMap(page -> page.stages().stream())
                .filter(stage -> stage.activeSessionId() != null && !stage.activeSessionId().isEmpty())
                .collect(Collectors.toUnmodifiableMap(StageSummary::arn, StageSummary::activeSessionId)));
    }

    /** The ingest configurations an encoder publishes with now, by ARN: one listing for the whole delete group. */
    Map<String, IngestConfigurationSummary> publishingIngestConfigurations(DeleteGroup group) {
        return group.shared("ivs:publishingIngestConfigurations", () -> context.api().realTime()
                .listIngestConfigurationsPaginator(b -> b.filterByState(IngestConfigurationState.ACTIVE)).stream()
                .flatMap(page -> page.ingestConfigurations().stream())
                .collect(Collectors.toUnmodifiableMap(IngestConfigurationSummary::arn, summary -> summary)));
    }

    /**
     * Why {@code describe} cannot go ahead while a session is live, and the way out.
     *
     * @param live        what is live ({@link LiveSession#describe()})
     * @param consequence what the operation would do to the participants, or why IVS refuses it
     * @param wait        what the user can wait for instead ("they have left", "the encoder stops")
     * @param whom        who the provider would disconnect ("them", "its encoder")
     */
    static String refusal(String describe, String live, String consequence, String wait, String whom) {
        return describe + ": " + live + ", and " + consequence + ". Wait until " + wait
                + " and run again, or set the provider's disconnectParticipants: true to let the provider disconnect "
                + whom;
    }

    /** Disconnects every participant of the session (DisconnectParticipant), with a warning that says why. */
    void disconnectAll(LiveSession session, String urn, String why) {
        context.log().warn(urn, "disconnecting " + session.participantIds().size() + " participant(s) of session "
                + session.sessionId() + " of stage " + session.stageArn() + " (disconnectParticipants is true) " + why);
        for (String participantId : session.participantIds()) {
            disconnect(session.stageArn(), participantId, why);
        }
    }

    /** Disconnects one participant; one that has left meanwhile is fine. */
    void disconnect(String stageArn, String participantId, String why) {
        try {
            context.api().realTime().disconnectParticipant(b -> b.stageArn(stageArn).participantId(participantId)
                    .reason(truncate("ivsstack: " + why)));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.NOT_FOUND)) {
                throw e;
            }
        }
    }

    /** DisconnectParticipant takes a reason of at most 128 characters. */
    private static String truncate(String reason) {
        return reason.length() <= 128 ? reason : reason.substring(0, 128);
    }
}
