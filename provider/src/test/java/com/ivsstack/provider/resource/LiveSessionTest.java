package com.ivsstack.provider.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live IVS RealTime sessions, made with the local endpoint's admin API: participants joined to a stage, an encoder
 * publishing with an ingest configuration. Deleting or replacing them, and the changes IVS refuses while they are
 * live, are refused with the stage, its session, the participant count and the way out, unless the provider's
 * disconnectParticipants allows them; then the provider disconnects them, with a warning.
 */
class LiveSessionTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestProviders.RecordingLog log = new TestProviders.RecordingLog();
    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private ResourceHarness start(boolean disconnectParticipants, String token, String name) {
        provider = TestProviders.against(IVS, log, Map.of("disconnectParticipants", disconnectParticipants));
        return new ResourceHarness(provider, token, name);
    }

    private static String sessionOf(String participantJson) throws Exception {
        return JSON.readTree(participantJson).path("sessionId").asText();
    }

    private static List<String> connected(IvsRealTimeClient realTime, String stageArn, String sessionId) {
        return realTime.listParticipants(b -> b.stageArn(stageArn).sessionId(sessionId).filterByState(ParticipantState.CONNECTED))
                .participants().stream().map(p -> p.participantId()).toList();
    }

    @Test
    void delete_stageWithConnectedParticipants_isRefusedNamingStageSessionCountAndWayOut(EmulatorAdmin admin,
                                                                                        IvsRealTimeClient realTime) throws Exception {
        var stage = start(false, StageResource.TOKEN, "studio");
        var inputs = stage.check(Map.of("name", "studio"));
        String arn = stage.create(inputs).id();
        String session = sessionOf(admin.joinParticipant(arn));
        admin.joinParticipant(arn, "viewer", Map.of(), false);

        assertThatThrownBy(() -> stage.delete(arn, inputs, Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("deleting IVS Stage (" + arn + "): stage " + arn + " has 2 participants connected in session "
                        + session + ", and deleting the stage disconnects them. Wait until they have left and run again, "
                        + "or set the provider's disconnectParticipants: true to let the provider disconnect them");
        assertThat(connected(realTime, arn, session)).as("nobody was disconnected").hasSize(2);
        assertThat(admin.requestCount("DeleteStage")).isZero();
    }

    @Test
    void delete_stageWithConnectedParticipants_withDisconnectParticipants_deletesItAndWarns(EmulatorAdmin admin,
                                                                                          IvsRealTimeClient realTime) throws Exception {
        var stage = start(true, StageResource.TOKEN, "studio");
        var inputs = stage.check(Map.of("name", "studio"));
        String arn = stage.create(inputs).id();
        String session = sessionOf(admin.joinParticipant(arn));

        stage.delete(arn, inputs, Map.of());

        assertThat(stage.read(arn, inputs, Map.of()).exists()).isFalse();
        assertThat(log.warnings()).singleElement().asString().contains(arn).contains("1 participant(s) of session " + session)
                .contains("disconnectParticipants is true");
    }

    @Test
    void delete_publishingIngestConfiguration_isRefusedNamingItsStageSessionAndCount(EmulatorAdmin admin,
                                                                                   IvsRealTimeClient realTime) throws Exception {
        var ingest = start(false, IngestConfigurationResource.TOKEN, "encoder");
        String stageArn = realTime.createStage(b -> b.name("studio")).stage().arn();
        var inputs = ingest.check(Map.of("name", "encoder", "stageArn", stageArn));
        String arn = ingest.create(inputs).id();
        admin.startPublishing(arn);
        String session = realTime.getStage(b -> b.arn(stageArn)).stage().activeSessionId();
        admin.joinParticipant(stageArn);

        assertThatThrownBy(() -> ingest.delete(arn, inputs, Map.of()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("deleting IVS IngestConfiguration (" + arn + "): an encoder is publishing with it into stage "
                        + stageArn + ", which has 2 participants connected in session " + session + ", and IVS cannot change or "
                        + "delete an ingest configuration while its encoder publishes. Wait until the encoder stops and run "
                        + "again, or set the provider's disconnectParticipants: true to let the provider disconnect its encoder");
        assertThat(realTime.getIngestConfiguration(b -> b.arn(arn)).ingestConfiguration().state())
                .isEqualTo(IngestConfigurationState.ACTIVE);
    }

    @Test
    void delete_publishingIngestConfiguration_withDisconnectParticipants_isForcedWithAWarning(EmulatorAdmin admin,
                                                                                            IvsRealTimeClient realTime) {
        var ingest = start(true, IngestConfigurationResource.TOKEN, "encoder");
        String stageArn = realTime.createStage(b -> b.name("studio")).stage().arn();
        var inputs = ingest.check(Map.of("name", "encoder", "stageArn", stageArn));
        String arn = ingest.create(inputs).id();
        admin.startPublishing(arn);

        ingest.delete(arn, inputs, Map.of());

        assertThat(ingest.read(arn, inputs, Map.of()).exists()).isFalse();
        assertThat(realTime.getStage(b -> b.arn(stageArn)).stage().activeSessionId()).as("the encoder left").isNull();
        assertThat(log.warnings()).singleElement().asString().contains("with force").contains(stageArn);
    }

    @Test
    void update_stageOfAPublishingIngestConfiguration_isRefused_orWithDisconnectParticipantsMovesIt(EmulatorAdmin admin,
                                                                                                  IvsRealTimeClient realTime) {
        String first = realTime.createStage(b -> b.name("first")).stage().arn();
        String second = realTime.createStage(b -> b.name("second")).stage().arn();
        var refusing = start(false, IngestConfigurationResource.TOKEN, "encoder");
        var inputs = refusing.check(Map.of("stageArn", first));
        var created = refusing.create(inputs);
        admin.startPublishing(created.id());
        var moved = refusing.check(Map.of("stageArn", second));

        assertThatThrownBy(() -> refusing.update(created.id(), inputs, created.outputs(), moved))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("updating IVS IngestConfiguration (" + created.id() + "): an encoder is publishing "
                        + "with it into stage " + first + ", which has 1 participant connected in session st-")
                .hasMessageContaining("disconnectParticipants: true");
        provider.close();

        var allowed = start(true, IngestConfigurationResource.TOKEN, "encoder");
        var updated = allowed.update(created.id(), inputs, created.outputs(), moved);

        assertThat(updated.outputs()).containsEntry("stageArn", second).containsEntry("state", "INACTIVE");
        assertThat(log.warnings()).singleElement().asString().contains("disconnecting the encoder").contains(first);
    }

    @Test
    void update_recordingOfAStageThatRecords_isRefused_butARenameIsNot_andDisconnectParticipantsLetsItThrough(
            EmulatorAdmin admin, IvsRealTimeClient realTime) throws Exception {
        String storage = realTime.createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants")))
                .storageConfiguration().arn();
        var stage = start(false, StageResource.TOKEN, "studio");
        var recording = stage.check(Map.of("name", "studio", "autoParticipantRecordingConfiguration",
                Map.of("storageConfigurationArn", storage)));
        var created = stage.create(recording);
        String session = sessionOf(admin.joinParticipant(created.id()));
        var renamed = stage.check(Map.of("name", "studio-2", "autoParticipantRecordingConfiguration",
                Map.of("storageConfigurationArn", storage)));
        var audioOnly = stage.check(Map.of("name", "studio-2", "autoParticipantRecordingConfiguration",
                Map.of("storageConfigurationArn", storage, "mediaTypes", List.of("AUDIO_ONLY"))));

        var afterRename = stage.update(created.id(), recording, created.outputs(), renamed);
        assertThat(afterRename.outputs()).containsEntry("name", "studio-2");
        assertThatThrownBy(() -> stage.update(created.id(), renamed, afterRename.outputs(), audioOnly))
                .isInstanceOf(ProviderException.class)
                .hasMessage("updating IVS Stage (" + created.id() + "): stage " + created.id() + " has 1 participant "
                        + "connected in session " + session + ", and IVS cannot change autoParticipantRecordingConfiguration "
                        + "while it records them. Wait until they have left and run again, or set the provider's "
                        + "disconnectParticipants: true to let the provider disconnect them");
        provider.close();

        var allowed = start(true, StageResource.TOKEN, "studio");
        var updated = allowed.update(created.id(), renamed, afterRename.outputs(), audioOnly);

        assertThat(updated.outputs().get("autoParticipantRecordingConfiguration").toString()).contains("AUDIO_ONLY");
        assertThat(connected(realTime, created.id(), session)).isEmpty();
        assertThat(log.warnings()).singleElement().asString().contains("disconnecting 1 participant(s) of session " + session);
    }

    @Test
    void diff_replacingAPublishingIngestConfiguration_warnsWithTheRefusalBeforeAnythingRuns(EmulatorAdmin admin,
                                                                                           IvsRealTimeClient realTime) {
        var ingest = start(false, IngestConfigurationResource.TOKEN, "encoder");
        String stageArn = realTime.createStage(b -> b.name("studio")).stage().arn();
        var inputs = ingest.check(Map.of("name", "encoder", "stageArn", stageArn));
        var created = ingest.create(inputs);
        admin.startPublishing(created.id());
        admin.resetRequestCounts();

        var diff = ingest.diff(created.id(), inputs, created.outputs(), ingest.check(Map.of("name", "encoder-2", "stageArn", stageArn)));

        assertThat(diff.requiresReplacement()).isTrue();
        assertThat(log.warnings()).singleElement().asString()
                .startsWith("WARNING replacing IVS IngestConfiguration (" + created.id() + ")")
                .contains("into stage " + stageArn + ", which has 1 participant connected in session st-")
                .contains("disconnectParticipants: true");
        assertThat(admin.requestCounts().keySet()).as("only reads")
                .allSatisfy(operation -> assertThat(operation).matches("(Get|List).*"));
    }

    @Test
    void diff_replacingAnIdleIngestConfigurationOrUpdatingInPlace_warnsOfNothing(IvsRealTimeClient realTime) {
        var ingest = start(false, IngestConfigurationResource.TOKEN, "encoder");
        String stageArn = realTime.createStage(b -> b.name("studio")).stage().arn();
        var inputs = ingest.check(Map.of("name", "encoder", "stageArn", stageArn));
        var created = ingest.create(inputs);

        assertThat(ingest.diff(created.id(), inputs, created.outputs(), ingest.check(Map.of("name", "encoder-2")))
                .requiresReplacement()).isTrue();
        assertThat(ingest.diff(created.id(), inputs, created.outputs(), ingest.check(Map.of("name", "encoder")))
                .requiresReplacement()).isFalse();
        assertThat(log.warnings()).isEmpty();
    }
}
