package com.ivsstack.provider.function;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.pulumi.value.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionsTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private Map<String, Object> invoke(String token, Map<String, Object> args) {
        var result = provider.function(token).orElseThrow().invoke(args);
        assertThat(result.failures()).isEmpty();
        return result.value();
    }

    @Test
    void getChannel_existingArn_returnsChannelWithSecretSrt(IvsClient ivs) {
        String arn = ivs.createChannel(b -> b.name("lookup").tags(Map.of("ivsstack:urn", "urn:x", "k", "v"))).channel().arn();
        var channel = invoke("ivs:index:getChannel", Map.of("arn", arn));
        assertThat(channel).containsEntry("arn", arn).containsEntry("name", "lookup").containsEntry("tags", Map.of("k", "v"));
        assertThat(channel.get("srt")).isInstanceOf(Secret.class);
    }

    @Test
    void getChannel_missingArn_failsWithNotFound() {
        String arn = "arn:aws:ivs:us-west-2:123456789012:channel/doesNotExist";
        assertThatThrownBy(() -> provider.function("ivs:index:getChannel").orElseThrow().invoke(Map.of("arn", arn)))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("reading IVS Channel (" + arn + "): not found");
    }

    @Test
    void getStreamKey_byChannelArn_returnsSecretValue(IvsClient ivs) {
        var created = ivs.createChannel(b -> b.name("keyed"));
        var key = invoke("ivs:index:getStreamKey", Map.of("channelArn", created.channel().arn()));
        assertThat(key).containsEntry("arn", created.streamKey().arn())
                .containsEntry("value", new Secret(created.streamKey().value()));
    }

    @Test
    void getStreamKey_bothArnAndChannelArn_isRejectedWithoutCall() {
        var result = provider.function("ivs:index:getStreamKey").orElseThrow().invoke(Map.of(
                "arn", "arn:aws:ivs:us-west-2:123456789012:stream-key/abc",
                "channelArn", "arn:aws:ivs:us-west-2:123456789012:channel/abc"));
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("exactly one"));
    }

    @Test
    void getRecordingConfiguration_existingArn_returnsIt(IvsClient ivs) {
        String arn = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("recordings"))))
                .recordingConfiguration().arn();
        var configuration = invoke("ivs:index:getRecordingConfiguration", Map.of("arn", arn));
        assertThat(configuration).containsEntry("arn", arn)
                .containsEntry("destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings")));
    }

    @Test
    void getChannels_byRecordingConfiguration_listsEveryPage(IvsClient ivs) {
        String recording = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("recordings"))))
                .recordingConfiguration().arn();
        for (int i = 0; i < 105; i++) {
            ivs.createChannel(b -> b.recordingConfigurationArn(recording));
        }
        ivs.createChannel(b -> b.name("other"));
        IVS.emulator().admin().resetRequestCounts();
        var result = invoke("ivs:index:getChannels", Map.of("recordingConfigurationArn", recording));
        assertThat((List<?>) result.get("arns")).hasSize(105).doesNotHaveDuplicates();
        assertThat(IVS.emulator().admin().requestCount("ListChannels")).as("a page holds 100 channels").isEqualTo(2);
        var byName = invoke("ivs:index:getChannels", Map.of("name", "other"));
        assertThat((List<?>) byName.get("channels")).hasSize(1);
    }

    @Test
    void getChannels_standardChannel_summaryHasEmptyPresetAndNoOwnershipTag(IvsClient ivs) {
        var created = ivs.createChannel(b -> b.name("summed").type("STANDARD").latencyMode("NORMAL")
                .tags(Map.of("ivsstack:urn", "urn:x", "k", "v"))).channel();
        var result = invoke("ivs:index:getChannels", Map.of("name", "summed"));
        assertThat((List<?>) result.get("channels")).singleElement().isEqualTo(Map.of("arn", created.arn(),
                "name", "summed", "type", "STANDARD", "latencyMode", "NORMAL", "authorized", false,
                "insecureIngest", false, "preset", "", "recordingConfigurationArn", "",
                "playbackRestrictionPolicyArn", "", "tags", Map.of("k", "v")));
    }

    @Test
    void getStage_existingArn_returnsTheStageWithItsSessionAndEndpoints(IvsRealTimeClient realTime) {
        String storage = realTime.createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants")))
                .storageConfiguration().arn();
        var created = realTime.createStage(b -> b.name("studio").tags(Map.of("ivsstack:urn", "urn:x", "k", "v"))
                .autoParticipantRecordingConfiguration(r -> r.storageConfigurationArn(storage))).stage();
        IVS.emulator().admin().joinParticipant(created.arn());

        var stage = invoke("ivs:realtime:getStage", Map.of("arn", created.arn()));

        assertThat(stage).containsEntry("arn", created.arn()).containsEntry("name", "studio")
                .containsEntry("tags", Map.of("k", "v"));
        assertThat((String) stage.get("activeSessionId")).startsWith("st-");
        assertThat(stage.get("endpoints")).isEqualTo(Map.of("events", created.endpoints().events(),
                "whip", created.endpoints().whip(), "rtmp", created.endpoints().rtmp(), "rtmps", created.endpoints().rtmps()));
        assertThat(stage.get("autoParticipantRecordingConfiguration").toString()).contains(storage);
    }

    @Test
    void getStage_missingArnOrAnotherKindOfArn_failsNamingIt() {
        String arn = "arn:aws:ivs:us-west-2:123456789012:stage/doesNotExist";
        assertThatThrownBy(() -> provider.function("ivs:realtime:getStage").orElseThrow().invoke(Map.of("arn", arn)))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("reading IVS Stage (" + arn + "): not found");
        var wrongKind = provider.function("ivs:realtime:getStage").orElseThrow()
                .invoke(Map.of("arn", "arn:aws:ivs:us-west-2:123456789012:channel/abc"));
        assertThat(wrongKind.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("not an IVS stage ARN"));
    }

    @Test
    void getStages_byName_listsEveryPageAndHidesTheOwnershipTag(IvsRealTimeClient realTime) {
        for (int i = 0; i < 55; i++) {
            realTime.createStage(b -> b.name("studio").tags(Map.of("ivsstack:urn", "urn:x")));
        }
        String other = realTime.createStage(b -> b.name("backstage")).stage().arn();
        IVS.emulator().admin().resetRequestCounts();

        var studios = invoke("ivs:realtime:getStages", Map.of("name", "studio"));
        var all = invoke("ivs:realtime:getStages", Map.of());

        assertThat((List<Object>) studios.get("arns")).hasSize(55).doesNotHaveDuplicates().doesNotContain(other);
        assertThat((List<?>) studios.get("stages")).first().isEqualTo(Map.of("arn", ((List<?>) studios.get("arns")).get(0),
                "name", "studio", "activeSessionId", "", "tags", Map.of()));
        assertThat((List<Object>) all.get("arns")).hasSize(56).contains(other);
        assertThat(IVS.emulator().admin().requestCount("ListStages")).as("a page holds 50 stages").isEqualTo(4);
    }

    @Test
    void getIngestConfiguration_existingArn_returnsItWithTheStreamKeySecret(IvsRealTimeClient realTime) {
        String stage = realTime.createStage(b -> b.name("studio")).stage().arn();
        var created = realTime.createIngestConfiguration(b -> b.name("encoder").stageArn(stage).ingestProtocol("RTMPS")
                .userId("studio")).ingestConfiguration();

        var found = invoke("ivs:realtime:getIngestConfiguration", Map.of("arn", created.arn()));

        assertThat(found).containsEntry("arn", created.arn()).containsEntry("stageArn", stage)
                .containsEntry("ingestProtocol", "RTMPS").containsEntry("state", "INACTIVE")
                .containsEntry("participantId", created.participantId()).containsEntry("userId", "studio")
                .containsEntry("streamKey", new Secret(created.streamKey()))
                .doesNotContainKey("insecureIngest");
    }

    /** Each function of schema.json has tests here, named after it: no function is left without one. */
    @Test
    void everyFunctionOfTheSchema_hasTestsNamedAfterIt() {
        var tested = java.util.Arrays.stream(FunctionsTest.class.getDeclaredMethods())
                .map(method -> method.getName().split("_")[0]).collect(java.util.stream.Collectors.toSet());
        assertThat(tested).containsAll(com.ivsstack.provider.schema.BundledSchema.load().functionTokens().stream()
                .map(token -> token.substring(token.lastIndexOf(':') + 1)).toList());
    }

    @Test
    void getChannels_twoFilters_isRejected() {
        var result = provider.function("ivs:index:getChannels").orElseThrow().invoke(Map.of("name", "a",
                "recordingConfigurationArn", "arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc"));
        assertThat(result.failures()).isNotEmpty();
        assertThat(IVS.emulator().admin().requestCount("ListChannels")).isZero();
    }
}
