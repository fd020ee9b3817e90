package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.support.AdminResults;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.Participant;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingFilterByRecordingState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantRecordingState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ReplicationType;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.StageSession;
import software.amazon.awssdk.services.ivsrealtime.model.StageSessionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/**
 * Stage sessions and participants as a provider sees a live stage: participants joined through the admin API, read
 * through ListParticipants, GetParticipant, ListStageSessions, GetStageSession and the stage's activeSessionId.
 */
class StageSessionTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final String MISSING_SESSION = "st-AAAAAAAAAAAAA";

    @Test
    void joinParticipant_firstOne_startsASessionTheStageShows(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> b.name("studio")).stage().arn();
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();

        String joined = admin.joinParticipant(stage, "alice", Map.of("seat", "1"), true);

        String sessionId = AdminResults.member(joined, "sessionId");
        assertThat(sessionId).matches("st-[A-Za-z0-9]{13}");
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isEqualTo(sessionId);
        assertThat(rt.listStages(b -> { }).stages()).extracting(StageSummary::activeSessionId).containsExactly(sessionId);
        StageSession session = rt.getStageSession(b -> b.stageArn(stage).sessionId(sessionId)).stageSession();
        assertThat(session.startTime()).isNotNull();
        assertThat(session.endTime()).as("in progress").isNull();
        assertThat(rt.listStageSessions(b -> b.stageArn(stage)).stageSessions()).extracting(StageSessionSummary::sessionId)
                .containsExactly(sessionId);

        Participant participant = rt.getParticipant(b -> b.stageArn(stage).sessionId(sessionId)
                .participantId(AdminResults.member(joined, "participantId"))).participant();
        assertThat(participant.userId()).isEqualTo("alice");
        assertThat(participant.attributes()).containsExactly(Map.entry("seat", "1"));
        assertThat(participant.state()).isEqualTo(ParticipantState.CONNECTED);
        assertThat(participant.published()).isTrue();
        assertThat(participant.protocol()).isEqualTo(ParticipantProtocol.WHIP);
        assertThat(participant.firstJoinTime()).isNotNull();
        assertThat(participant.recordingState()).isEqualTo(ParticipantRecordingState.DISABLED);
        assertThat(participant.recordingS3BucketName()).isEmpty();
        assertThat(participant.replicationType()).isEqualTo(ReplicationType.NONE);
    }

    @Test
    void leaveParticipant_lastOne_endsTheSessionAndANewJoinStartsAnother(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String first = admin.joinParticipant(stage);
        String second = admin.joinParticipant(stage, "bob", Map.of(), false);
        String sessionId = AdminResults.member(first, "sessionId");
        assertThat(AdminResults.member(second, "sessionId")).isEqualTo(sessionId);

        admin.leaveParticipant(stage, AdminResults.member(first, "participantId"));
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).as("bob is still there")
                .isEqualTo(sessionId);
        admin.leaveParticipant(stage, AdminResults.member(second, "participantId"));

        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();
        assertThat(rt.getStageSession(b -> b.stageArn(stage).sessionId(sessionId)).stageSession().endTime()).isNotNull();
        String next = AdminResults.member(admin.joinParticipant(stage), "sessionId");
        assertThat(next).isNotEqualTo(sessionId);
        assertThat(rt.listStageSessions(b -> b.stageArn(stage)).stageSessions()).extracting(StageSessionSummary::sessionId)
                .as("newest first").containsExactly(next, sessionId);
    }

    @Test
    void listParticipants_eachFilter_matchingParticipantsOnly(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = recordingStage(rt);
        String host = AdminResults.member(admin.joinParticipant(stage, "host", Map.of(), true), "participantId");
        String viewer = AdminResults.member(admin.joinParticipant(stage, "viewer", Map.of(), false), "participantId");
        String guest = AdminResults.member(admin.joinParticipant(stage, "guest", Map.of(), true), "participantId");
        admin.leaveParticipant(stage, guest);
        String session = rt.getStage(b -> b.arn(stage)).stage().activeSessionId();

        assertThat(ids(rt, stage, session, b -> { })).containsExactly(host, viewer, guest);
        assertThat(ids(rt, stage, session, b -> b.filterByUserId("viewer"))).containsExactly(viewer);
        assertThat(ids(rt, stage, session, b -> b.filterByPublished(true))).containsExactly(host, guest);
        assertThat(ids(rt, stage, session, b -> b.filterByState(ParticipantState.CONNECTED))).containsExactly(host, viewer);
        assertThat(ids(rt, stage, session, b -> b.filterByState(ParticipantState.DISCONNECTED))).containsExactly(guest);
        assertThat(ids(rt, stage, session, b -> b.filterByRecordingState(ParticipantRecordingFilterByRecordingState.ACTIVE)))
                .containsExactly(host);
        assertThat(ids(rt, stage, session, b -> b.filterByRecordingState(ParticipantRecordingFilterByRecordingState.STOPPED)))
                .containsExactly(guest);
        ParticipantSummary summary = rt.listParticipants(b -> b.stageArn(stage).sessionId(session)
                .filterByUserId("host")).participants().get(0);
        assertThat(summary.state()).isEqualTo(ParticipantState.CONNECTED);
        assertThat(summary.published()).isTrue();
        assertThat(summary.recordingState()).isEqualTo(ParticipantRecordingState.ACTIVE);
        assertThat(summary.firstJoinTime()).isNotNull();
    }

    /** A stage that records every publisher into the bucket "recordings". */
    private static String recordingStage(IvsRealTimeClient rt) {
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        return rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a.storageConfigurationArn(storage)))
                .stage().arn();
    }

    private static java.util.List<String> ids(IvsRealTimeClient rt, String stage, String session,
            java.util.function.Consumer<software.amazon.awssdk.services.ivsrealtime.model.ListParticipantsRequest.Builder> filter) {
        return rt.listParticipants(b -> filter.accept(b.stageArn(stage).sessionId(session))).participants().stream()
                .map(ParticipantSummary::participantId).toList();
    }

    @Test
    void listParticipants_twoFilters_validationError(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String session = AdminResults.member(admin.joinParticipant(stage), "sessionId");

        assertThatThrownBy(() -> rt.listParticipants(b -> b.stageArn(stage).sessionId(session).filterByPublished(true)
                .filterByState(ParticipantState.CONNECTED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("filterByPublished").hasMessageContaining("filterByState");
    }

    @Test
    void recordingStage_publisher_recordedIntoTheStorageConfigurationsBucket(IvsRealTimeClient rt,
                                                                            EmulatorAdmin admin) {
        String stage = recordingStage(rt);
        String joined = admin.joinParticipant(stage);
        String session = AdminResults.member(joined, "sessionId");
        String participantId = AdminResults.member(joined, "participantId");

        Participant recorded = rt.getParticipant(b -> b.stageArn(stage).sessionId(session).participantId(participantId))
                .participant();
        assertThat(recorded.recordingState()).isEqualTo(ParticipantRecordingState.ACTIVE);
        assertThat(recorded.recordingS3BucketName()).isEqualTo("recordings");
        assertThat(recorded.recordingS3Prefix()).startsWith(stage.substring(stage.lastIndexOf('/') + 1) + "/" + session
                + "/" + participantId + "/");

        admin.leaveParticipant(stage, participantId);
        assertThat(rt.getParticipant(b -> b.stageArn(stage).sessionId(session).participantId(participantId))
                .participant().recordingState()).isEqualTo(ParticipantRecordingState.STOPPED);
    }

    @Test
    void updateStage_recordingWhileParticipantsAreRecorded_conflictUntilTheyLeave(IvsRealTimeClient rt,
                                                                                EmulatorAdmin admin) {
        String stage = recordingStage(rt);
        String participantId = AdminResults.member(admin.joinParticipant(stage), "participantId");

        assertThatThrownBy(() -> rt.updateStage(b -> b.arn(stage).autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn("")))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("autoParticipantRecordingConfiguration");
        assertThat(rt.updateStage(b -> b.arn(stage).name("renamed")).stage().name())
                .as("the name may change meanwhile").isEqualTo("renamed");

        admin.leaveParticipant(stage, participantId);
        assertThat(rt.updateStage(b -> b.arn(stage).autoParticipantRecordingConfiguration(a -> a
                .storageConfigurationArn(""))).stage().autoParticipantRecordingConfiguration().storageConfigurationArn())
                .isEmpty();
    }

    @Test
    void disconnectParticipant_connected_disconnectedAndSessionEnds(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String joined = admin.joinParticipant(stage);
        String participantId = AdminResults.member(joined, "participantId");

        rt.disconnectParticipant(b -> b.stageArn(stage).participantId(participantId));

        assertThat(rt.getParticipant(b -> b.stageArn(stage).sessionId(AdminResults.member(joined, "sessionId"))
                .participantId(participantId)).participant().state()).isEqualTo(ParticipantState.DISCONNECTED);
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();
        assertThatThrownBy(() -> rt.disconnectParticipant(b -> b.stageArn(stage).participantId(participantId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteStage_withParticipants_disconnectsThemAndDeletes(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        admin.joinParticipant(stage);
        admin.joinParticipant(stage);

        rt.deleteStage(b -> b.arn(stage));

        assertThat(rt.listStages(b -> { }).stages()).isEmpty();
        assertThatThrownBy(() -> admin.joinParticipant(stage)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void unknownSessionOrStage_getsAre404AndListsAreEmpty(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String participantId = AdminResults.member(admin.joinParticipant(stage), "participantId");
        String missingStage = "arn:aws:ivs:us-west-2:123456789012:stage/missingStag1";

        assertThatThrownBy(() -> rt.getStageSession(b -> b.stageArn(stage).sessionId(MISSING_SESSION)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> rt.getParticipant(b -> b.stageArn(stage).sessionId(MISSING_SESSION)
                .participantId(participantId))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(rt.listParticipants(b -> b.stageArn(stage).sessionId(MISSING_SESSION)).participants()).isEmpty();
        assertThat(rt.listStageSessions(b -> b.stageArn(missingStage)).stageSessions()).isEmpty();
        assertThat(rt.listParticipants(b -> b.stageArn(missingStage).sessionId(MISSING_SESSION)).participants())
                .isEmpty();
    }

    @Test
    void sessionOperations_invalidRequest_validationErrorNamingTheMember(IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();

        assertThatThrownBy(() -> rt.getStageSession(b -> b.stageArn(stage).sessionId("st-short")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> rt.listParticipants(b -> b.stageArn(stage)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> rt.getParticipant(b -> b.stageArn(stage).sessionId(MISSING_SESSION)
                .participantId("has spaces"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("participantId");
        assertThatThrownBy(() -> rt.listStageSessions(b -> b.stageArn(stage).maxResults(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> rt.disconnectParticipant(b -> b.stageArn(stage).participantId("p")
                .reason("r".repeat(129)))).isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    }

    @Test
    void joinParticipant_thirteenthPublisher_quotaButSubscribersStillJoin(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        for (int i = 0; i < 12; i++) {
            admin.joinParticipant(stage);
        }

        assertThatThrownBy(() -> admin.joinParticipant(stage)).isInstanceOf(ApiException.class)
                .hasMessageContaining("12 publishers");
        admin.joinParticipant(stage, "viewer", Map.of(), false);
        String session = rt.getStage(b -> b.arn(stage)).stage().activeSessionId();
        assertThat(rt.listParticipants(b -> b.stageArn(stage).sessionId(session)).participants()).hasSize(13);
    }

    @Test
    void leaveParticipant_notConnected_notFound(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();

        assertThatThrownBy(() -> admin.leaveParticipant(stage, "nobody")).isInstanceOf(ApiException.class)
                .hasMessageContaining("not connected");
    }
}
