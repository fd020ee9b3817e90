package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantProtocol;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

/** IngestConfiguration operations through the real IvsRealTimeClient, with publishing simulated by the admin API. */
class IngestConfigurationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void createIngestConfiguration_rtmps_returnsStreamKeyParticipantAndInactiveState(IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();

        IngestConfiguration created = rt.createIngestConfiguration(b -> b.name("studio-encoder").stageArn(stage)
                .userId("encoder-1").attributes(Map.of("role", "host")).ingestProtocol(IngestProtocol.RTMPS)
                .tags(Map.of("team", "video"))).ingestConfiguration();

        String id = created.arn().substring(created.arn().lastIndexOf('/') + 1);
        assertThat(created.arn()).matches("arn:aws:ivs:us-west-2:123456789012:ingest-configuration/[A-Za-z0-9]{12}");
        assertThat(created.streamKey()).matches("rt_123456789012_us-west-2_" + id + "_[A-Za-z0-9]{30}");
        assertThat(created.participantId()).matches("[A-Za-z0-9]{12}");
        assertThat(created.state()).isEqualTo(IngestConfigurationState.INACTIVE);
        assertThat(created.stageArn()).isEqualTo(stage);
        assertThat(created.name()).isEqualTo("studio-encoder");
        assertThat(created.userId()).isEqualTo("encoder-1");
        assertThat(created.attributes()).containsExactly(Map.entry("role", "host"));
        assertThat(created.tags()).containsExactly(Map.entry("team", "video"));
        assertThat(created.ingestProtocol()).isEqualTo(IngestProtocol.RTMPS);
        assertThat(rt.getIngestConfiguration(b -> b.arn(created.arn())).ingestConfiguration()).isEqualTo(created);
    }

    @Test
    void createIngestConfiguration_nothingButTheProtocol_emptyDefaults(IvsRealTimeClient rt) {
        IngestConfiguration created = rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration();

        assertThat(created.name()).isEmpty();
        assertThat(created.stageArn()).isEmpty();
        assertThat(created.userId()).isEmpty();
        assertThat(created.attributes()).isEmpty();
        assertThat(created.tags()).isEmpty();
    }

    @Test
    void createIngestConfiguration_rtmpWithoutInsecureIngest_validationErrorThenAcceptedWithIt(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMP)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("insecureIngest");

        IngestConfiguration rtmp = rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMP)
                .insecureIngest(true)).ingestConfiguration();
        assertThat(rtmp.ingestProtocol()).isEqualTo(IngestProtocol.RTMP);
        assertThat(rt.listIngestConfigurations(b -> { }).ingestConfigurations()).hasSize(1);
    }

    @Test
    void createIngestConfiguration_invalidRequest_validationErrorBeforeAnyLookup(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> { }))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ingestProtocol");
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)
                .name("no spaces").userId("u".repeat(129))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2 validation errors")
                .hasMessageContaining("'name'").hasMessageContaining("'userId'");
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)
                .attributes(Map.of("big", "x".repeat(1100)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("attributes").hasMessageContaining("1024");
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)
                .stageArn("arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("stageArn");
        assertThat(rt.listIngestConfigurations(b -> { }).ingestConfigurations()).isEmpty();
    }

    @Test
    void createIngestConfiguration_stageThatDoesNotExist_validationErrorNamingStageArn(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)
                .stageArn("arn:aws:ivs:us-west-2:123456789012:stage/missingStag1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("stageArn");
    }

    @Test
    void listIngestConfigurations_filters_oneAtATimeAndSummariesWithoutSecrets(IvsRealTimeClient rt,
                                                                              EmulatorAdmin admin) throws Exception {
        String stage = rt.createStage(b -> { }).stage().arn();
        String onStage = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        String publishing = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        String elsewhere = rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        admin.startPublishing(publishing);

        assertThat(rt.listIngestConfigurations(b -> b.filterByStageArn(stage)).ingestConfigurations())
                .extracting(IngestConfigurationSummary::arn).containsExactly(onStage, publishing);
        assertThat(rt.listIngestConfigurations(b -> b.filterByState(IngestConfigurationState.ACTIVE))
                .ingestConfigurations()).extracting(IngestConfigurationSummary::arn).containsExactly(publishing);
        assertThat(rt.listIngestConfigurations(b -> b.filterByState(IngestConfigurationState.INACTIVE))
                .ingestConfigurations()).extracting(IngestConfigurationSummary::arn).containsExactly(onStage, elsewhere);
        assertThat(rt.listIngestConfigurations(b -> { }).ingestConfigurations()).hasSize(3)
                .allSatisfy(s -> assertThat(s.participantId()).isNotEmpty());
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(IVS.emulator().endpoint() + "/ListIngestConfigurations"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-west-2/ivs/aws4_request")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.body()).as("summaries carry no stream key, attributes or tags").contains("participantId")
                .doesNotContain("streamKey").doesNotContain("attributes").doesNotContain("tags");
        assertThatThrownBy(() -> rt.listIngestConfigurations(b -> b.filterByStageArn(stage)
                .filterByState(IngestConfigurationState.ACTIVE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("filterByStageArn");
    }

    @Test
    void startPublishing_ingestConfiguration_activeAndItsParticipantLiveOnTheStage(IvsRealTimeClient rt,
                                                                                  EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        IngestConfiguration ingest = rt.createIngestConfiguration(b -> b.stageArn(stage).userId("encoder")
                .ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration();

        admin.startPublishing(ingest.arn());

        assertThat(rt.getIngestConfiguration(b -> b.arn(ingest.arn())).ingestConfiguration().state())
                .isEqualTo(IngestConfigurationState.ACTIVE);
        Stage live = rt.getStage(b -> b.arn(stage)).stage();
        assertThat(live.activeSessionId()).matches("st-[A-Za-z0-9]{13}");
        var participant = rt.getParticipant(b -> b.stageArn(stage).sessionId(live.activeSessionId())
                .participantId(ingest.participantId())).participant();
        assertThat(participant.state()).isEqualTo(ParticipantState.CONNECTED);
        assertThat(participant.protocol()).isEqualTo(ParticipantProtocol.RTMPS);
        assertThat(participant.published()).isTrue();
        assertThat(participant.userId()).isEqualTo("encoder");

        admin.stopPublishing(ingest.arn());

        assertThat(rt.getIngestConfiguration(b -> b.arn(ingest.arn())).ingestConfiguration().state())
                .isEqualTo(IngestConfigurationState.INACTIVE);
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();
    }

    @Test
    void startPublishing_withoutStageOrTwice_conflict(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String detached = rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        String stage = rt.createStage(b -> { }).stage().arn();
        String attached = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        admin.startPublishing(attached);

        assertThatThrownBy(() -> admin.startPublishing(detached)).isInstanceOf(ApiException.class)
                .hasMessageContaining("no stage");
        assertThatThrownBy(() -> admin.startPublishing(attached)).isInstanceOf(ApiException.class)
                .hasMessageContaining("REUSE_OF_STREAM_KEY");
        assertThatThrownBy(() -> admin.stopPublishing(detached)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not ACTIVE");
    }

    @Test
    void updateIngestConfiguration_stageArn_movesAndDetaches(IvsRealTimeClient rt) {
        String first = rt.createStage(b -> { }).stage().arn();
        String second = rt.createStage(b -> { }).stage().arn();
        String arn = rt.createIngestConfiguration(b -> b.stageArn(first).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();

        assertThat(rt.updateIngestConfiguration(b -> b.arn(arn).stageArn(second)).ingestConfiguration().stageArn())
                .isEqualTo(second);
        assertThat(rt.updateIngestConfiguration(b -> b.arn(arn)).ingestConfiguration().stageArn())
                .as("no stageArn: nothing changes").isEqualTo(second);
        assertThat(rt.updateIngestConfiguration(b -> b.arn(arn).stageArn("")).ingestConfiguration().stageArn())
                .isEmpty();
        assertThatThrownBy(() -> rt.updateIngestConfiguration(b -> b.arn(arn)
                .stageArn("arn:aws:ivs:us-west-2:123456789012:stage/missingStag1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("stageArn");
    }

    @Test
    void updateIngestConfiguration_active_conflictUntilTheEncoderStops(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String arn = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        admin.startPublishing(arn);

        assertThatThrownBy(() -> rt.updateIngestConfiguration(b -> b.arn(arn).stageArn("")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

        admin.stopPublishing(arn);
        assertThat(rt.updateIngestConfiguration(b -> b.arn(arn).stageArn("")).ingestConfiguration().stageArn())
                .isEmpty();
    }

    @Test
    void deleteIngestConfiguration_activeWithoutForce_conflictAndWithForceDisconnectsThePublisher(
            IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        IngestConfiguration ingest = rt.createIngestConfiguration(b -> b.stageArn(stage)
                .ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration();
        admin.startPublishing(ingest.arn());
        String session = rt.getStage(b -> b.arn(stage)).stage().activeSessionId();

        assertThatThrownBy(() -> rt.deleteIngestConfiguration(b -> b.arn(ingest.arn())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("force");
        rt.deleteIngestConfiguration(b -> b.arn(ingest.arn()).force(true));

        assertThatThrownBy(() -> rt.getIngestConfiguration(b -> b.arn(ingest.arn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(rt.getParticipant(b -> b.stageArn(stage).sessionId(session).participantId(ingest.participantId()))
                .participant().state()).isEqualTo(ParticipantState.DISCONNECTED);
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();
    }

    @Test
    void deleteIngestConfiguration_inactive_deleted(IvsRealTimeClient rt) {
        String arn = rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration()
                .arn();

        rt.deleteIngestConfiguration(b -> b.arn(arn));

        assertThat(rt.listIngestConfigurations(b -> { }).ingestConfigurations()).isEmpty();
    }

    @Test
    void deleteStage_withPublishingAndIdleIngestConfigurations_detachesBoth(IvsRealTimeClient rt,
                                                                           EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String publishing = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        String idle = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();
        admin.startPublishing(publishing);
        admin.joinParticipant(stage);

        rt.deleteStage(b -> b.arn(stage));

        for (String arn : new String[] {publishing, idle}) {
            IngestConfiguration configuration = rt.getIngestConfiguration(b -> b.arn(arn)).ingestConfiguration();
            assertThat(configuration.stageArn()).isEmpty();
            assertThat(configuration.state()).isEqualTo(IngestConfigurationState.INACTIVE);
        }
        assertThat(rt.listStageSessions(b -> b.stageArn(stage)).stageSessions()).isEmpty();
    }

    @Test
    void disconnectParticipant_ingestPublisher_detachesItsConfiguration(IvsRealTimeClient rt, EmulatorAdmin admin) {
        String stage = rt.createStage(b -> { }).stage().arn();
        IngestConfiguration ingest = rt.createIngestConfiguration(b -> b.stageArn(stage)
                .ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration();
        admin.startPublishing(ingest.arn());

        rt.disconnectParticipant(b -> b.stageArn(stage).participantId(ingest.participantId()).reason("moderation"));

        IngestConfiguration after = rt.getIngestConfiguration(b -> b.arn(ingest.arn())).ingestConfiguration();
        assertThat(after.stageArn()).isEmpty();
        assertThat(after.state()).isEqualTo(IngestConfigurationState.INACTIVE);
    }

    @Test
    void createIngestConfiguration_overTheCountQuota_serviceQuotaExceeded() {
        try (IvsEmulator emulator = IvsEmulator.builder().maxIngestConfigurations(2).build().start();
             IvsRealTimeClient rt = TestClients.realTimeWithoutRetries(emulator)) {
            rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS));
            rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS));

            assertThatThrownBy(() -> rt.createIngestConfiguration(b -> b.ingestProtocol(IngestProtocol.RTMPS)))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
        }
    }
}
