package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delete preflight of the IVS resources (the embedded engine asks it before the first delete of a group): a live
 * channel blocks its own delete, and the delete of a recording configuration that a live channel outside the group
 * still uses, unless the provider may stop streams; a stage with connected participants and an ingest configuration
 * an encoder publishes with block theirs unless the provider may disconnect them, and a storage configuration a stage
 * outside the group records to blocks its own. It changes nothing, and lists what is live once per group.
 */
class DeletePreflightTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private static DeleteGroup.Member channel(String arn) {
        return new DeleteGroup.Member(ChannelResource.TOKEN, new DeleteRequest(arn, TestProviders.urn(ChannelResource.TOKEN,
                arn.substring(arn.lastIndexOf('/') + 1)), Map.of(), Map.of(), null));
    }

    private static DeleteGroup.Member recording(String arn) {
        return new DeleteGroup.Member(RecordingConfigurationResource.TOKEN, new DeleteRequest(arn,
                TestProviders.urn(RecordingConfigurationResource.TOKEN, "recordings"), Map.of(), Map.of(), null));
    }

    private static DeleteGroup.Member member(String token, String arn) {
        return new DeleteGroup.Member(token, new DeleteRequest(arn, TestProviders.urn(token, arn.substring(arn.lastIndexOf('/') + 1)),
                Map.of(), Map.of(), null));
    }

    private static String urnOf(String token, String arn) {
        return member(token, arn).request().urn();
    }

    @Test
    void deleteBlockers_liveStagesAndPublishingIngestConfigurations_blockThemselves_afterOneListingOfEach(IvsRealTimeClient realTime) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stages.add(realTime.createStage(b -> { }).stage().arn());
        }
        String idle = realTime.createIngestConfiguration(b -> b.stageArn(stages.get(2)).ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        String publishing = realTime.createIngestConfiguration(b -> b.stageArn(stages.get(3)).ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        IVS.emulator().admin().joinParticipant(stages.get(1));
        IVS.emulator().admin().startPublishing(publishing);
        IVS.emulator().admin().resetRequestCounts();
        var members = new ArrayList<DeleteGroup.Member>();
        stages.forEach(stage -> members.add(member(StageResource.TOKEN, stage)));
        members.add(member(IngestConfigurationResource.TOKEN, idle));
        members.add(member(IngestConfigurationResource.TOKEN, publishing));

        var blocked = provider.deleteBlockers(new DeleteGroup(members));

        assertThat(blocked).as("the stage with a participant, the one the encoder publishes into, and the encoder's configuration")
                .containsOnlyKeys(urnOf(StageResource.TOKEN, stages.get(1)), urnOf(StageResource.TOKEN, stages.get(3)),
                        urnOf(IngestConfigurationResource.TOKEN, publishing));
        assertThat(blocked.get(urnOf(StageResource.TOKEN, stages.get(1)))).singleElement().asString()
                .startsWith("deleting IVS Stage (" + stages.get(1) + "): stage " + stages.get(1) + " has 1 participant connected")
                .contains("disconnectParticipants: true");
        assertThat(blocked.get(urnOf(IngestConfigurationResource.TOKEN, publishing))).singleElement().asString()
                .startsWith("deleting IVS IngestConfiguration (" + publishing + "): an encoder is publishing with it into stage "
                        + stages.get(3));
        var calls = IVS.emulator().admin().requestCounts();
        assertThat(calls).as("one listing of each, reads only").containsEntry("ListStages", 1L)
                .containsEntry("ListIngestConfigurations", 1L);
        assertThat(calls.keySet()).allSatisfy(operation -> assertThat(operation).matches("(Get|List).*"));
        assertThat(calls.get("ListParticipants")).as("only live stages are asked for their participants").isEqualTo(3L);
    }

    @Test
    void deleteBlockers_liveStagesWithDisconnectParticipants_blockNothing(IvsRealTimeClient realTime) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("disconnectParticipants", true));
        String stage = realTime.createStage(b -> { }).stage().arn();
        String publishing = realTime.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol("RTMPS"))
                .ingestConfiguration().arn();
        IVS.emulator().admin().startPublishing(publishing);

        assertThat(provider.deleteBlockers(new DeleteGroup(List.of(member(StageResource.TOKEN, stage),
                member(IngestConfigurationResource.TOKEN, publishing))))).isEmpty();
        assertThat(IVS.emulator().admin().requestCount("ListStages")).isZero();
    }

    @Test
    void deleteBlockers_storageConfigurationAStageOutsideTheGroupRecordsTo_blocks_unlessTheGroupDeletesThatStage(
            IvsRealTimeClient realTime) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        String storage = realTime.createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants")))
                .storageConfiguration().arn();
        String recording = realTime.createStage(b -> b.autoParticipantRecordingConfiguration(r -> r.storageConfigurationArn(storage)))
                .stage().arn();
        realTime.createStage(b -> { });

        var alone = provider.deleteBlockers(new DeleteGroup(List.of(member(StorageConfigurationResource.TOKEN, storage))));
        var withTheStage = provider.deleteBlockers(new DeleteGroup(List.of(member(StorageConfigurationResource.TOKEN, storage),
                member(StageResource.TOKEN, recording))));

        assertThat(alone.get(urnOf(StorageConfigurationResource.TOKEN, storage))).singleElement().asString()
                .startsWith("deleting IVS StorageConfiguration (" + storage + "): IVS refuses to delete a storage "
                        + "configuration that a stage records to. Stage(s) " + recording + " record their participants to it");
        assertThat(withTheStage).isEmpty();
        assertThat(realTime.getStage(b -> b.arn(recording)).stage().autoParticipantRecordingConfiguration()
                .storageConfigurationArn()).as("nothing changed").isEqualTo(storage);
    }

    @Test
    void deleteBlockers_liveChannels_blockOnlyThemselves_afterOneListingOfTheLiveStreams(IvsClient ivs) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            channels.add(ivs.createChannel(b -> { }).channel().arn());
        }
        IVS.emulator().admin().startStream(channels.get(1));
        IVS.emulator().admin().startStream(channels.get(4));
        IVS.emulator().admin().resetRequestCounts();

        var blocked = provider.deleteBlockers(new DeleteGroup(channels.stream().map(DeletePreflightTest::channel).toList()));

        assertThat(blocked).containsOnlyKeys(channel(channels.get(1)).request().urn(), channel(channels.get(4)).request().urn());
        assertThat(blocked.get(channel(channels.get(1)).request().urn())).singleElement().asString()
                .startsWith("deleting IVS Channel (" + channels.get(1) + "): channel " + channels.get(1) + " is live")
                .contains("stopLiveStreams: true");
        assertThat(IVS.emulator().admin().requestCounts()).as("one listing, nothing changed")
                .isEqualTo(Map.of("ListStreams", 1L));
    }

    @Test
    void deleteBlockers_withStopLiveStreams_blockNothing(IvsClient ivs) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("stopLiveStreams", true));
        String live = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(live);

        assertThat(provider.deleteBlockers(new DeleteGroup(List.of(channel(live))))).isEmpty();
        assertThat(ivs.getStream(b -> b.channelArn(live)).stream().channelArn()).isEqualTo(live);
    }

    @Test
    void deleteBlockers_recordingConfigurationStillUsed_blockedByALiveChannelOutsideTheGroupOnly(IvsClient ivs) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
        var resource = new ResourceHarness(provider, RecordingConfigurationResource.TOKEN, "recordings");
        String configuration = resource.create(resource.check(Map.of("name", "rec",
                "destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings"))))).id();
        String live = ivs.createChannel(b -> b.recordingConfigurationArn(configuration)).channel().arn();
        String offline = ivs.createChannel(b -> b.recordingConfigurationArn(configuration)).channel().arn();
        IVS.emulator().admin().startStream(live);

        var alone = provider.deleteBlockers(new DeleteGroup(List.of(recording(configuration))));
        var withItsLiveChannel = provider.deleteBlockers(new DeleteGroup(List.of(recording(configuration), channel(live))));

        assertThat(alone.get(recording(configuration).request().urn())).singleElement().asString()
                .contains("(detaching it from channel " + live + "): channel " + live + " is live")
                .doesNotContain(offline);
        assertThat(withItsLiveChannel).as("the channel blocks itself; deleted first, it no longer uses the configuration")
                .containsOnlyKeys(channel(live).request().urn());
        assertThat(ivs.getChannel(b -> b.arn(live)).channel().recordingConfigurationArn()).isEqualTo(configuration);
    }

    @Test
    void deleteBlockers_recordingConfigurationStillUsed_withoutDetaching_namesTheChannels(IvsClient ivs) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("detachRecordingConfigurations", false));
        var resource = new ResourceHarness(provider, RecordingConfigurationResource.TOKEN, "recordings");
        String configuration = resource.create(resource.check(Map.of("name", "rec",
                "destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings"))))).id();
        String user = ivs.createChannel(b -> b.recordingConfigurationArn(configuration)).channel().arn();

        var blocked = provider.deleteBlockers(new DeleteGroup(List.of(recording(configuration))));

        assertThat(blocked.get(recording(configuration).request().urn())).singleElement().asString()
                .contains("still used by channel(s) " + user).contains("detachRecordingConfigurations: true");
        assertThat(provider.deleteBlockers(new DeleteGroup(List.of(recording(configuration), channel(user))))).isEmpty();
    }
}
