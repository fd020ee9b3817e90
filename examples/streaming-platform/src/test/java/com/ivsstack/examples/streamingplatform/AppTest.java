package com.ivsstack.examples.streamingplatform;

import static com.ivsstack.examples.testing.IvsMocks.arnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.examples.testing.IvsMocks;
import com.ivsstack.examples.testing.ProgramRun;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppTest {

    private static final Map<String, String> TAGS = Map.of("team", "live-video", "environment", "dev");
    private static final String RECORDING_ARN = arnOf("ivs:index:RecordingConfiguration", "vod-recordings");

    @Test
    void stack_dev_declaresOneChannelAndKeyPerCreatorAndOneRecordingConfiguration() {
        var mocks = ProgramRun.run(Path.of("."), "dev", App::stack).mocks();

        assertThat(mocks.registrations().keySet()).containsExactlyInAnyOrder("vod-recordings",
                "creator-alice", "creator-alice-key", "creator-bob", "creator-bob-key", "creator-carol", "creator-carol-key");
        assertThat(mocks.registrationsOfType("ivs:index:Channel")).hasSize(3);
        assertThat(mocks.registrationsOfType("ivs:index:StreamKey")).hasSize(3);
    }

    @Test
    void channels_dev_followEachCreatorsLatencyTypeAndRecordingChoice() {
        var mocks = ProgramRun.run(Path.of("."), "dev", App::stack).mocks();

        assertThat(mocks.registration("creator-alice").inputs()).containsEntry("latencyMode", "LOW")
                .containsEntry("type", "STANDARD").containsEntry("recordingConfigurationArn", RECORDING_ARN);
        assertThat(mocks.registration("creator-bob").inputs()).containsEntry("latencyMode", "NORMAL")
                .containsEntry("type", "BASIC").containsEntry("recordingConfigurationArn", "");
        assertThat(mocks.registration("creator-carol").inputs()).containsEntry("latencyMode", "LOW")
                .containsEntry("type", "ADVANCED_HD").containsEntry("recordingConfigurationArn", RECORDING_ARN);
    }

    @Test
    void streamKeys_dev_belongToTheirCreatorsChannel() {
        var mocks = ProgramRun.run(Path.of("."), "dev", App::stack).mocks();

        for (String creator : List.of("alice", "bob", "carol")) {
            assertThat(mocks.registration("creator-" + creator + "-key").inputs())
                    .containsEntry("channelArn", arnOf("ivs:index:Channel", "creator-" + creator));
        }
    }

    @Test
    void tags_dev_comeFromConfigPlusTheCreator() {
        var mocks = ProgramRun.run(Path.of("."), "dev", App::stack).mocks();

        assertThat(mocks.registration("vod-recordings").inputs()).containsEntry("tags", TAGS);
        assertThat(mocks.registration("creator-bob").inputs().get("tags"))
                .isEqualTo(Map.of("team", "live-video", "environment", "dev", "creator", "bob"));
        assertThat(mocks.registration("creator-bob-key").inputs().get("tags"))
                .isEqualTo(mocks.registration("creator-bob").inputs().get("tags"));
    }

    @Test
    void exports_dev_mapCreatorsToUrlsAndKeysWithKeysSecret() {
        var run = ProgramRun.run(Path.of("."), "dev", App::stack);

        assertThat(run.export("playbackUrls")).isEqualTo(Map.of("alice", IvsMocks.playbackUrlOf("creator-alice"),
                "bob", IvsMocks.playbackUrlOf("creator-bob"), "carol", IvsMocks.playbackUrlOf("creator-carol")));
        assertThat(run.export("streamKeys")).isEqualTo(Map.of("alice", IvsMocks.streamKeyValueOf("creator-alice-key"),
                "bob", IvsMocks.streamKeyValueOf("creator-bob-key"), "carol", IvsMocks.streamKeyValueOf("creator-carol-key")));
        assertThat(run.isSecretExport("streamKeys")).isTrue();
        assertThat(run.isSecretExport("playbackUrls")).isFalse();
    }

    @Test
    void editedCreatorList_addsChangesAndRemovesExactlyThoseCreatorsResources() {
        var before = platform("""
                [{"name":"alice","latencyMode":"LOW","record":true},
                 {"name":"bob","latencyMode":"NORMAL","channelType":"BASIC"},
                 {"name":"carol","channelType":"ADVANCED_HD","record":true}]""");
        // bob leaves, dave joins, alice switches to normal latency and stops recording; carol is untouched
        var after = platform("""
                [{"name":"carol","channelType":"ADVANCED_HD","record":true},
                 {"name":"alice","latencyMode":"NORMAL"},
                 {"name":"dave","latencyMode":"LOW","record":true}]""");

        Set<String> added = difference(after.registrations().keySet(), before.registrations().keySet());
        Set<String> removed = difference(before.registrations().keySet(), after.registrations().keySet());
        Set<String> changed = new HashSet<>();
        after.registrations().forEach((name, registration) -> {
            var old = before.registrations().get(name);
            if (old != null && !old.inputs().equals(registration.inputs())) {
                changed.add(name);
            }
        });

        assertThat(added).containsExactlyInAnyOrder("creator-dave", "creator-dave-key");
        assertThat(removed).containsExactlyInAnyOrder("creator-bob", "creator-bob-key");
        assertThat(changed).containsExactly("creator-alice");
        assertThat(after.registration("creator-alice").inputs()).containsEntry("latencyMode", "NORMAL")
                .containsEntry("recordingConfigurationArn", "");
    }

    @Test
    void creators_invalidEntries_failWithEveryProblemNamed() {
        var creators = List.of(new Creator("alice", "FAST", null, true), new Creator("alice", null, "HUGE", null),
                new Creator("Bad Name", null, null, null));

        assertThatThrownBy(() -> CreatorChannel.fromConfig(creators))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streaming-platform:creators[0].latencyMode: 'FAST' is not one of NORMAL, LOW")
                .hasMessageContaining("streaming-platform:creators[1].name: 'alice' is listed twice")
                .hasMessageContaining("streaming-platform:creators[1].channelType: 'HUGE' is not one of BASIC, STANDARD")
                .hasMessageContaining("streaming-platform:creators[2].name: 'Bad Name' must be 1-50 lowercase letters");
    }

    @Test
    void creators_onlyName_getsDefaults() {
        assertThat(CreatorChannel.fromConfig(List.of(new Creator("zoe", null, null, null))))
                .containsExactly(new CreatorChannel("zoe", com.ivsstack.ivs.enums.ChannelLatencyMode.Low,
                        com.ivsstack.ivs.enums.ChannelType.Standard, false));
    }

    private static IvsMocks platform(String creatorsJson) {
        return ProgramRun.run("streaming-platform", "dev", Map.of(
                "creators", creatorsJson,
                "recordingBucket", "ivs-stack-dev-vods",
                "tags", ProgramRun.encode(TAGS)), App::stack).mocks();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
