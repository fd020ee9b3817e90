package com.ivsstack.provider.resource;

import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.PropertyDiff.Kind;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.schema.BundledSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** For every property of every resource type: does a change update in place or replace, and what never diffs. */
class DiffTest {

    private static final IvsProvider PROVIDER = new IvsProvider(ProviderLog.NONE);
    private static final String RC_ARN = "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ";
    private static final String RC_ARN_2 = "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ZZcdef34ghIJ";
    private static final String POLICY_ARN = "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/ABcdef34ghIJ";
    private static final String CHANNEL_ARN = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
    private static final String CHANNEL_ARN_2 = "arn:aws:ivs:us-west-2:123456789012:channel/zzzzABCDefgh";
    private static final Map<String, Object> BUCKET = Map.of("s3", Map.of("bucketName", "recordings"));
    private static final String STAGE_ARN = "arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh";
    private static final String STAGE_ARN_2 = "arn:aws:ivs:us-west-2:123456789012:stage/zzzzABCDefgh";
    private static final String STORAGE_ARN = "arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ";
    private static final String STORAGE_ARN_2 = "arn:aws:ivs:us-west-2:123456789012:storage-configuration/ZZcdef34ghIJ";
    private static final String RECORDING = "autoParticipantRecordingConfiguration";

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        var result = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                result.remove((String) keyValues[i]);
            } else {
                result.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return result;
    }

    /** token, old inputs, new inputs, expected detailed diff (path -> kind). */
    static Stream<Arguments> cases() {
        var channel = Map.<String, Object>of("name", "c");
        var key = Map.<String, Object>of("channelArn", CHANNEL_ARN);
        var recording = Map.<String, Object>of("destinationConfiguration", BUCKET, "name", "r");
        var keyPair = Map.<String, Object>of("publicKeyMaterial", "PEM-1", "name", "k");
        var policy = Map.<String, Object>of("name", "p", "allowedCountries", List.of("US"));
        var encoder = Map.<String, Object>of("name", "e", "video", Map.of("width", 1280, "height", 720));
        var storage = Map.<String, Object>of("name", "s", "s3", Map.of("bucketName", "b12"));
        var stage = Map.<String, Object>of("name", "st");
        var recordingStage = with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN));
        var ingest = Map.<String, Object>of("name", "i", "stageArn", STAGE_ARN, "ingestProtocol", "RTMPS");
        var publicKey = Map.<String, Object>of("publicKeyMaterial", "PEM-1", "name", "k");
        return Stream.of(
                arguments("ivs:index:Channel", channel, with(channel, "name", "d"), Map.of("name", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "type", "BASIC"), Map.of("type", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "latencyMode", "NORMAL"), Map.of("latencyMode", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "authorized", true), Map.of("authorized", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "insecureIngest", true), Map.of("insecureIngest", Kind.UPDATE)),
                arguments("ivs:index:Channel", with(channel, "type", "ADVANCED_HD"),
                        with(channel, "type", "ADVANCED_HD", "preset", "CONSTRAINED_BANDWIDTH_DELIVERY"), Map.of("preset", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "recordingConfigurationArn", RC_ARN),
                        Map.of("recordingConfigurationArn", Kind.ADD)),
                arguments("ivs:index:Channel", with(channel, "recordingConfigurationArn", RC_ARN),
                        with(channel, "recordingConfigurationArn", RC_ARN_2), Map.of("recordingConfigurationArn", Kind.UPDATE)),
                arguments("ivs:index:Channel", with(channel, "recordingConfigurationArn", RC_ARN),
                        with(channel, "recordingConfigurationArn", Unknown.VALUE), Map.of("recordingConfigurationArn", Kind.UPDATE)),
                arguments("ivs:index:Channel", channel, with(channel, "playbackRestrictionPolicyArn", POLICY_ARN),
                        Map.of("playbackRestrictionPolicyArn", Kind.ADD)),
                arguments("ivs:index:Channel", channel, with(channel, "containerFormat", "FRAGMENTED_MP4"),
                        Map.of("containerFormat", Kind.UPDATE)),
                arguments("ivs:index:Channel", with(channel, "containerFormat", "FRAGMENTED_MP4"),
                        with(channel, "containerFormat", "FRAGMENTED_MP4", "multitrackInputConfiguration",
                                Map.of("enabled", true, "policy", "ALLOW", "maximumResolution", "HD")),
                        Map.of("multitrackInputConfiguration", Kind.ADD)),
                arguments("ivs:index:Channel", channel, with(channel, "tags", Map.of("team", "a")), Map.of("tags", Kind.ADD)),
                arguments("ivs:index:Channel", with(channel, "tags", Map.of("team", "a")), with(channel, "tags", Map.of("team", "b")),
                        Map.of("tags.team", Kind.UPDATE)),
                arguments("ivs:index:Channel", with(channel, "tags", Map.of("team", "a", "x.y", "1")),
                        with(channel, "tags", Map.of("team", "a")), Map.of("tags[\"x.y\"]", Kind.DELETE)),
                // values AWS fills in never diff
                arguments("ivs:index:Channel", with(channel, "type", "STANDARD", "latencyMode", "LOW", "preset", "",
                        "recordingConfigurationArn", "", "multitrackInputConfiguration",
                        Map.of("enabled", false, "maximumResolution", "FULL_HD", "policy", "ALLOW"), "tags", Map.of()), channel, Map.of()),
                arguments("ivs:index:Channel", with(channel, "type", "ADVANCED_SD", "preset", "HIGHER_BANDWIDTH_DELIVERY"),
                        with(channel, "type", "ADVANCED_SD"), Map.of()),
                arguments("ivs:index:Channel", with(channel, "name", new Secret("c")), channel, Map.of()),

                arguments("ivs:index:StreamKey", key, with(key, "channelArn", CHANNEL_ARN_2), Map.of("channelArn", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:StreamKey", key, with(key, "rotation", "1"), Map.of("rotation", Kind.ADD_REPLACE)),
                arguments("ivs:index:StreamKey", with(key, "rotation", "1"), with(key, "rotation", "2"),
                        Map.of("rotation", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:StreamKey", key, with(key, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),

                arguments("ivs:index:RecordingConfiguration", recording, with(recording, "name", "r2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording,
                        with(recording, "destinationConfiguration", Map.of("s3", Map.of("bucketName", "other"))),
                        Map.of("destinationConfiguration.s3.bucketName", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording, with(recording, "recordingReconnectWindowSeconds", 60),
                        Map.of("recordingReconnectWindowSeconds", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording,
                        with(recording, "thumbnailConfiguration", Map.of("targetIntervalSeconds", 10)),
                        Map.of("thumbnailConfiguration.targetIntervalSeconds", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording,
                        with(recording, "thumbnailConfiguration", Map.of("resolution", "HD")),
                        Map.of("thumbnailConfiguration.resolution", Kind.ADD_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording,
                        with(recording, "thumbnailConfiguration", Map.of("storage", List.of("LATEST"))),
                        Map.of("thumbnailConfiguration.storage", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording,
                        with(recording, "renditionConfiguration", Map.of("renditionSelection", "CUSTOM", "renditions", List.of("HD"))),
                        Map.of("renditionConfiguration.renditionSelection", Kind.UPDATE_REPLACE,
                                "renditionConfiguration.renditions", Kind.ADD_REPLACE)),
                arguments("ivs:index:RecordingConfiguration", recording, with(recording, "tags", Map.of("a", "b")),
                        Map.of("tags", Kind.ADD)),
                arguments("ivs:index:RecordingConfiguration", with(recording, "recordingReconnectWindowSeconds", 0,
                        "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 60,
                                "storage", List.of("SEQUENTIAL")),
                        "renditionConfiguration", Map.of("renditionSelection", "ALL", "renditions", List.of()), "state", "x"),
                        recording, Map.of()), // "state" is an output that older state files kept among inputs
                arguments("ivs:index:RecordingConfiguration", with(recording, "thumbnailConfiguration",
                        Map.of("storage", List.of("LATEST", "SEQUENTIAL"))),
                        with(recording, "thumbnailConfiguration", Map.of("storage", List.of("SEQUENTIAL", "LATEST"))), Map.of()),

                arguments("ivs:index:PlaybackKeyPair", keyPair, with(keyPair, "publicKeyMaterial", "PEM-2"),
                        Map.of("publicKeyMaterial", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:PlaybackKeyPair", keyPair, with(keyPair, "name", "k2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:index:PlaybackKeyPair", keyPair, with(keyPair, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),
                arguments("ivs:index:PlaybackKeyPair", with(keyPair, "publicKeyMaterial", null), keyPair, Map.of()),
                arguments("ivs:index:PlaybackKeyPair", keyPair, with(keyPair, "publicKeyMaterial", "PEM-1\n"), Map.of()),

                arguments("ivs:index:PlaybackRestrictionPolicy", policy, with(policy, "name", "p2"), Map.of("name", Kind.UPDATE)),
                arguments("ivs:index:PlaybackRestrictionPolicy", policy, with(policy, "allowedCountries", List.of("DE")),
                        Map.of("allowedCountries", Kind.UPDATE)),
                arguments("ivs:index:PlaybackRestrictionPolicy", policy, with(policy, "allowedOrigins", List.of("https://a.b")),
                        Map.of("allowedOrigins", Kind.ADD)),
                arguments("ivs:index:PlaybackRestrictionPolicy", policy, with(policy, "enableStrictOriginEnforcement", true),
                        Map.of("enableStrictOriginEnforcement", Kind.UPDATE)),
                arguments("ivs:index:PlaybackRestrictionPolicy", with(policy, "allowedOrigins", List.of()), policy, Map.of()),

                arguments("ivs:realtime:EncoderConfiguration", encoder, with(encoder, "name", "e2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:EncoderConfiguration", encoder,
                        with(encoder, "video", Map.of("width", 1920, "height", 1080)),
                        Map.of("video.width", Kind.UPDATE_REPLACE, "video.height", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:EncoderConfiguration", encoder,
                        with(encoder, "video", Map.of("width", 1280, "height", 720, "framerate", 60)),
                        Map.of("video.framerate", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:EncoderConfiguration", encoder,
                        with(encoder, "video", Map.of("width", 1280, "height", 720, "bitrate", 100)),
                        Map.of("video.bitrate", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:EncoderConfiguration", encoder, with(encoder, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),
                arguments("ivs:realtime:EncoderConfiguration", with(encoder, "video", null),
                        with(encoder, "video", Map.of("width", 1280, "height", 720, "framerate", 30.0, "bitrate", 2_500_000)), Map.of()),

                arguments("ivs:realtime:StorageConfiguration", storage, with(storage, "name", "s2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:StorageConfiguration", storage, with(storage, "s3", Map.of("bucketName", "b13")),
                        Map.of("s3.bucketName", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:StorageConfiguration", storage, with(storage, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),

                arguments("ivs:realtime:Stage", stage, with(stage, "name", "st2"), Map.of("name", Kind.UPDATE)),
                arguments("ivs:realtime:Stage", stage, recordingStage, Map.of(RECORDING, Kind.ADD)),
                arguments("ivs:realtime:Stage", recordingStage, stage, Map.of(RECORDING, Kind.DELETE)),
                arguments("ivs:realtime:Stage", recordingStage, with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN_2)),
                        Map.of(RECORDING + ".storageConfigurationArn", Kind.UPDATE)),
                arguments("ivs:realtime:Stage", recordingStage, with(stage, RECORDING, Map.of("storageConfigurationArn", Unknown.VALUE)),
                        Map.of(RECORDING + ".storageConfigurationArn", Kind.UPDATE)),
                arguments("ivs:realtime:Stage", recordingStage, with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN,
                        "mediaTypes", List.of("AUDIO_ONLY"))), Map.of(RECORDING + ".mediaTypes", Kind.UPDATE)),
                arguments("ivs:realtime:Stage", recordingStage, with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN,
                        "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL"))),
                        Map.of(RECORDING + ".thumbnailConfiguration.recordingMode", Kind.UPDATE,
                                RECORDING + ".thumbnailConfiguration.targetIntervalSeconds", Kind.ADD)),
                arguments("ivs:realtime:Stage", recordingStage, with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN,
                        "hlsConfiguration", Map.of("targetSegmentDurationSeconds", 4))),
                        Map.of(RECORDING + ".hlsConfiguration.targetSegmentDurationSeconds", Kind.UPDATE)),
                arguments("ivs:realtime:Stage", stage, with(stage, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),
                // what IVS reports for a stage that records with its defaults, or that does not record, never diffs
                arguments("ivs:realtime:Stage", with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN,
                        "mediaTypes", List.of("AUDIO_VIDEO"), "thumbnailConfiguration", Map.of("recordingMode", "DISABLED",
                                "targetIntervalSeconds", 60, "storage", List.of("SEQUENTIAL")),
                        "recordingReconnectWindowSeconds", 0, "hlsConfiguration", Map.of("targetSegmentDurationSeconds", 6),
                        "recordParticipantReplicas", true)), recordingStage, Map.of()),
                arguments("ivs:realtime:Stage", with(stage, RECORDING, Map.of("storageConfigurationArn", "")), stage, Map.of()),
                arguments("ivs:realtime:Stage", with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN,
                        "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "storage", List.of("LATEST", "SEQUENTIAL")))),
                        with(stage, RECORDING, Map.of("storageConfigurationArn", STORAGE_ARN, "thumbnailConfiguration",
                                Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 60, "storage", List.of("SEQUENTIAL", "LATEST")))),
                        Map.of()),

                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "stageArn", STAGE_ARN_2), Map.of("stageArn", Kind.UPDATE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "stageArn", null), Map.of("stageArn", Kind.DELETE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "name", "i2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "userId", "u"), Map.of("userId", Kind.ADD_REPLACE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "attributes", Map.of("role", "host")),
                        Map.of("attributes", Kind.ADD_REPLACE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "ingestProtocol", "RTMP", "insecureIngest", true),
                        Map.of("ingestProtocol", Kind.UPDATE_REPLACE, "insecureIngest", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:IngestConfiguration", ingest, with(ingest, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),
                arguments("ivs:realtime:IngestConfiguration", with(ingest, "userId", "", "attributes", Map.of(), "insecureIngest", false),
                        ingest, Map.of()),

                arguments("ivs:realtime:PublicKey", publicKey, with(publicKey, "publicKeyMaterial", "PEM-2"),
                        Map.of("publicKeyMaterial", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:PublicKey", publicKey, with(publicKey, "name", "k2"), Map.of("name", Kind.UPDATE_REPLACE)),
                arguments("ivs:realtime:PublicKey", publicKey, with(publicKey, "tags", Map.of("a", "b")), Map.of("tags", Kind.ADD)),
                arguments("ivs:realtime:PublicKey", publicKey, with(publicKey, "publicKeyMaterial", "\r\nPEM-1\r\n"), Map.of())
        );
    }

    @Test
    void cases_coverEveryResourceTypeOfTheSchema() {
        assertThat(cases().map(row -> (String) row.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
    }

    /** IVS refuses the same public key twice: a new name for the same key deletes the old key first, a new key does not. */
    @Test
    void diff_publicKeyReplaced_deletesFirstOnlyWhenTheKeyStaysTheSame() {
        var type = PROVIDER.resource("ivs:realtime:PublicKey").orElseThrow();
        var olds = Map.<String, Object>of("publicKeyMaterial", "PEM-1", "name", "k");
        var renamed = type.diff(new DiffRequest("id", "urn:test", olds, Map.of(), with(olds, "name", "k2"), List.of()));
        var rekeyed = type.diff(new DiffRequest("id", "urn:test", olds, Map.of(), with(olds, "publicKeyMaterial", "PEM-2"), List.of()));
        var unknownKey = type.diff(new DiffRequest("id", "urn:test", olds, Map.of(),
                with(olds, "name", "k2", "publicKeyMaterial", Unknown.VALUE), List.of()));

        assertThat(renamed.requiresReplacement()).isTrue();
        assertThat(renamed.deleteBeforeReplace()).isTrue();
        assertThat(rekeyed.requiresReplacement()).isTrue();
        assertThat(rekeyed.deleteBeforeReplace()).isFalse();
        assertThat(unknownKey.deleteBeforeReplace()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("cases")
    void diff_propertyChanged_updatesInPlaceOrReplaces(String token, Map<String, Object> olds, Map<String, Object> news,
                                                       Map<String, Kind> expected) {
        var type = PROVIDER.resource(token).orElseThrow();
        var checkedNews = type.check(new CheckRequest("urn:test", Map.of(), news)).inputs();
        var diff = type.diff(new DiffRequest("id", "urn:test", olds, Map.of(), checkedNews, List.of()));
        var kinds = new LinkedHashMap<String, Kind>();
        diff.detailedDiff().forEach((path, change) -> kinds.put(path, change.kind()));
        assertThat(kinds).isEqualTo(expected);
        assertThat(diff.requiresReplacement()).isEqualTo(expected.values().stream().anyMatch(Kind::isReplace));
    }
}
