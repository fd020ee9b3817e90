package com.ivsstack.provider.resource;

import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.schema.BundledSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every model constraint, valid and invalid, checked before any API call (no provider configuration needed). */
class CheckTest {

    private static final IvsProvider PROVIDER = new IvsProvider(com.ivsstack.provider.api.ProviderLog.NONE);
    private static final String CHANNEL = "ivs:index:Channel";
    private static final String KEY = "ivs:index:StreamKey";
    private static final String RECORDING = "ivs:index:RecordingConfiguration";
    private static final String KEY_PAIR = "ivs:index:PlaybackKeyPair";
    private static final String POLICY = "ivs:index:PlaybackRestrictionPolicy";
    private static final String ENCODER = "ivs:realtime:EncoderConfiguration";
    private static final String STORAGE = "ivs:realtime:StorageConfiguration";
    private static final String STAGE = "ivs:realtime:Stage";
    private static final String INGEST = "ivs:realtime:IngestConfiguration";
    private static final String PUBLIC_KEY = "ivs:realtime:PublicKey";
    private static final String STAGE_ARN = "arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh";
    private static final String STORAGE_ARN = "arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ";
    private static final String CHANNEL_ARN = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
    private static final String RECORDING_ARN = "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ";

    private static Map<String, Object> destination(String bucket) {
        return Map.of("s3", Map.of("bucketName", bucket));
    }

    private static Map<String, Object> manyTags(int count) {
        var tags = new HashMap<String, Object>();
        IntStream.range(0, count).forEach(i -> tags.put("k" + i, "v"));
        return tags;
    }

    /** token, inputs, the failing property (null: valid), a fragment of the reason. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(CHANNEL, Map.of(), null, null),
                arguments(CHANNEL, Map.of("name", "my-channel_1"), null, null),
                arguments(CHANNEL, Map.of("name", "bad name!"), "name", "only letters, digits, - and _"),
                arguments(CHANNEL, Map.of("name", "x".repeat(129)), "name", "129 characters; it must have 0 to 128"),
                arguments(CHANNEL, Map.of("type", "PREMIUM"), "type", "one of BASIC, STANDARD, ADVANCED_SD, ADVANCED_HD"),
                arguments(CHANNEL, Map.of("latencyMode", "FAST"), "latencyMode", "one of NORMAL, LOW"),
                arguments(CHANNEL, Map.of("authorized", "maybe"), "authorized", "must be a boolean"),
                arguments(CHANNEL, Map.of("containerFormat", "MKV"), "containerFormat", "one of TS, FRAGMENTED_MP4"),
                arguments(CHANNEL, Map.of("type", "ADVANCED_SD", "preset", "CONSTRAINED_BANDWIDTH_DELIVERY"), null, null),
                arguments(CHANNEL, Map.of("type", "STANDARD", "preset", "HIGHER_BANDWIDTH_DELIVERY"), "preset",
                        "applies only to ADVANCED_SD and ADVANCED_HD"),
                arguments(CHANNEL, Map.of("preset", "FASTEST"), "preset", "one of HIGHER_BANDWIDTH_DELIVERY"),
                arguments(CHANNEL, Map.of("recordingConfigurationArn", RECORDING_ARN), null, null),
                arguments(CHANNEL, Map.of("recordingConfigurationArn", CHANNEL_ARN), "recordingConfigurationArn",
                        "not an IVS recording-configuration ARN"),
                arguments(CHANNEL, Map.of("playbackRestrictionPolicyArn", "policy"), "playbackRestrictionPolicyArn",
                        "not an IVS playback-restriction-policy ARN"),
                arguments(CHANNEL, Map.of("containerFormat", "FRAGMENTED_MP4", "multitrackInputConfiguration",
                        Map.of("enabled", true, "maximumResolution", "HD", "policy", "ALLOW")), null, null),
                arguments(CHANNEL, Map.of("multitrackInputConfiguration",
                        Map.of("enabled", true, "maximumResolution", "HD", "policy", "ALLOW")), "containerFormat",
                        "requires containerFormat FRAGMENTED_MP4"),
                arguments(CHANNEL, Map.of("type", "BASIC", "containerFormat", "FRAGMENTED_MP4", "multitrackInputConfiguration",
                        Map.of("enabled", true, "maximumResolution", "HD", "policy", "ALLOW")),
                        "multitrackInputConfiguration.enabled", "requires channel type STANDARD"),
                arguments(CHANNEL, Map.of("containerFormat", "FRAGMENTED_MP4", "multitrackInputConfiguration",
                        Map.of("enabled", true, "policy", "ALLOW")), "multitrackInputConfiguration.maximumResolution",
                        "required when multitrack input is enabled"),
                arguments(CHANNEL, Map.of("multitrackInputConfiguration", Map.of("policy", "SOMETIMES")),
                        "multitrackInputConfiguration.policy", "one of ALLOW, REQUIRE"),
                arguments(CHANNEL, Map.of("tags", manyTags(51)), "tags", "at most 50"),
                arguments(CHANNEL, Map.of("tags", Map.of("aws:owner", "x")), "tags[\"aws:owner\"]", "reserved by AWS"),
                arguments(CHANNEL, Map.of("tags", Map.of("ivsstack:urn", "x")), "tags[\"ivsstack:urn\"]", "reserved"),
                arguments(CHANNEL, Map.of("tags", Map.of("k", "v".repeat(257))), "tags.k", "at most 256"),
                arguments(CHANNEL, Map.of("tags", Map.of("k".repeat(129), "v")), "tags." + "k".repeat(129), "1 to 128"),
                arguments(CHANNEL, Map.of("tags", Map.of("a#b", "v")), "tags[\"a#b\"]",
                        "tag key \"a#b\" is not valid: tag keys and values have only letters, spaces, digits and _ . : / = + - @"),
                arguments(CHANNEL, Map.of("tags", Map.of("mood", "happy \uD83D\uDE00")), "tags.mood",
                        "tag value \"happy \uD83D\uDE00\" is not valid: tag keys and values have only letters"),
                arguments(CHANNEL, Map.of("tags", Map.of("tab", "a\tb")), "tags.tab", "only letters, spaces, digits"),
                arguments(CHANNEL, Map.of("tags", Map.of("Team Name_1.:/=+-@", "Wert \u00e4\u00f6\u00fc \u540d\u524d _.:/=+-@")),
                        null, null),
                arguments(ENCODER, Map.of("tags", Map.of("k", "a;b")), "tags.k", "only letters, spaces, digits"),
                arguments(CHANNEL, Map.of("colour", "red"), "colour", "not a property of ivs:index:Channel"),
                arguments(CHANNEL, Map.of("name", Unknown.VALUE, "recordingConfigurationArn", Unknown.VALUE), null, null),

                arguments(KEY, Map.of("channelArn", CHANNEL_ARN), null, null),
                arguments(KEY, Map.of(), "channelArn", "missing required property"),
                arguments(KEY, Map.of("channelArn", RECORDING_ARN), "channelArn", "not an IVS channel ARN"),
                arguments(KEY, Map.of("channelArn", CHANNEL_ARN, "rotation", "2026-11-21"), null, null),

                arguments(RECORDING, Map.of("destinationConfiguration", destination("my.bucket-1")), null, null),
                arguments(RECORDING, Map.of(), "destinationConfiguration", "missing required property"),
                arguments(RECORDING, Map.of("destinationConfiguration", Map.of("s3", Map.of())),
                        "destinationConfiguration.s3.bucketName", "missing required property"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("ab")),
                        "destinationConfiguration.s3.bucketName", "3 to 63"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("My_Bucket")),
                        "destinationConfiguration.s3.bucketName", "lowercase letters"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"), "recordingReconnectWindowSeconds", 301),
                        "recordingReconnectWindowSeconds", "from 0 to 300"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"), "recordingReconnectWindowSeconds", 1.5),
                        "recordingReconnectWindowSeconds", "must be an integer"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"), "recordingReconnectWindowSeconds", 300),
                        null, null),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("targetIntervalSeconds", 0)),
                        "thumbnailConfiguration.targetIntervalSeconds", "from 1 to 60"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("targetIntervalSeconds", 61)),
                        "thumbnailConfiguration.targetIntervalSeconds", "from 1 to 60"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("recordingMode", "DISABLED", "targetIntervalSeconds", 10)),
                        "thumbnailConfiguration.targetIntervalSeconds", "only when recordingMode is INTERVAL"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("resolution", "4K")),
                        "thumbnailConfiguration.resolution", "one of SD, HD, FULL_HD, LOWEST_RESOLUTION"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("storage", List.of("SEQUENTIAL", "LATEST"))), null, null),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("storage", List.of("LATEST", "LATEST"))),
                        "thumbnailConfiguration.storage", "lists a value twice"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "thumbnailConfiguration", Map.of("storage", List.of("NEWEST"))),
                        "thumbnailConfiguration.storage[0]", "one of SEQUENTIAL, LATEST"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "renditionConfiguration", Map.of("renditionSelection", "CUSTOM")),
                        "renditionConfiguration.renditions", "requires at least one rendition"),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "renditionConfiguration", Map.of("renditionSelection", "CUSTOM", "renditions", List.of("HD", "SD"))), null, null),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "renditionConfiguration", Map.of("renditionSelection", "SOME")),
                        "renditionConfiguration.renditionSelection", "one of ALL, NONE, CUSTOM"),

                arguments(KEY_PAIR, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem()), null, null),
                arguments(KEY_PAIR, Map.of(), "publicKeyMaterial", "missing required property"),
                arguments(KEY_PAIR, Map.of("publicKeyMaterial", "ssh-ed25519 AAAA"), "publicKeyMaterial", "BEGIN PUBLIC KEY"),
                arguments(KEY_PAIR, Map.of("publicKeyMaterial", TestKeys.rsaPublicKeyPem()), "publicKeyMaterial",
                        "not an elliptic-curve (ECDSA) key"),
                arguments(KEY_PAIR, Map.of("publicKeyMaterial", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
                        "publicKeyMaterial", "not a PEM-encoded ECDSA P-384 public key"),
                arguments(KEY_PAIR, Map.of("publicKeyMaterial", Unknown.VALUE), null, null),
                arguments(KEY_PAIR, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem(), "name", "a b"), "name", "only letters"),

                arguments(POLICY, Map.of("allowedCountries", List.of("US", "DE")), null, null),
                arguments(POLICY, Map.of("allowedCountries", List.of("USA")), "allowedCountries[0]", "2 to 2"),
                arguments(POLICY, Map.of("allowedCountries", List.of("us")), "allowedCountries[0]", "ISO 3166-1 alpha-2"),
                arguments(POLICY, Map.of("allowedOrigins", List.of("https://" + "a".repeat(130))), "allowedOrigins[0]", "0 to 128"),
                arguments(POLICY, Map.of("enableStrictOriginEnforcement", 1), "enableStrictOriginEnforcement", "must be a boolean"),

                arguments(ENCODER, Map.of(), null, null),
                arguments(ENCODER, Map.of("video", Map.of("width", 1920, "height", 1080, "framerate", 60, "bitrate", 8_500_000)), null, null),
                arguments(ENCODER, Map.of("video", Map.of("width", 1080, "height", 1920)), null, null),
                arguments(ENCODER, Map.of("video", Map.of("width", 1920, "height", 1920)), "video", "at most 2,073,600"),
                arguments(ENCODER, Map.of("video", Map.of("width", 1281)), "video.width", "odd"),
                arguments(ENCODER, Map.of("video", Map.of("height", 721)), "video.height", "odd"),
                arguments(ENCODER, Map.of("video", Map.of("width", 1922, "height", 2)), "video.width", "from 2 to 1920"),
                arguments(ENCODER, Map.of("video", Map.of("height", 0)), "video.height", "from 2 to 1920"),
                arguments(ENCODER, Map.of("video", Map.of("framerate", 61)), "video.framerate", "from 1 to 60"),
                arguments(ENCODER, Map.of("video", Map.of("framerate", 0.5)), "video.framerate", "from 1 to 60"),
                arguments(ENCODER, Map.of("video", Map.of("bitrate", 8_500_001)), "video.bitrate", "from 1 to 8500000"),
                arguments(ENCODER, Map.of("name", "n".repeat(129)), "name", "0 to 128"),

                arguments(STORAGE, Map.of("s3", Map.of("bucketName", "compositions")), null, null),
                arguments(STORAGE, Map.of(), "s3", "missing required property"),
                arguments(STORAGE, Map.of("s3", Map.of("bucketName", "UPPER")), "s3.bucketName", "lowercase letters"),
                arguments(STORAGE, Map.of("s3", Map.of("bucketName", "x".repeat(64))), "s3.bucketName", "3 to 63"),

                arguments(STAGE, Map.of(), null, null),
                arguments(STAGE, Map.of("name", "studio_1"), null, null),
                arguments(STAGE, Map.of("name", "studio 1"), "name", "only letters, digits, - and _"),
                arguments(STAGE, Map.of("name", "s".repeat(129)), "name", "0 to 128"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN, "mediaTypes", List.of("AUDIO_ONLY"),
                        "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 86400,
                                "storage", List.of("SEQUENTIAL", "LATEST")),
                        "recordingReconnectWindowSeconds", 300, "hlsConfiguration", Map.of("targetSegmentDurationSeconds", 10),
                        "recordParticipantReplicas", false)), null, null),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", "")), null, null),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", "", "mediaTypes", List.of("AUDIO_VIDEO"),
                        "recordParticipantReplicas", true)), null, null),
                arguments(STAGE, recording(Map.of()), "autoParticipantRecordingConfiguration.storageConfigurationArn",
                        "missing required property"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", RECORDING_ARN)),
                        "autoParticipantRecordingConfiguration.storageConfigurationArn", "not an IVS storage-configuration ARN"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN, "mediaTypes", List.of("AUDIO_VIDEO", "NONE"))),
                        "autoParticipantRecordingConfiguration.mediaTypes", "at most 1"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN, "mediaTypes", List.of("VIDEO_ONLY"))),
                        "autoParticipantRecordingConfiguration.mediaTypes[0]", "one of AUDIO_VIDEO, AUDIO_ONLY, NONE"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN, "recordingReconnectWindowSeconds", 301)),
                        "autoParticipantRecordingConfiguration.recordingReconnectWindowSeconds", "from 0 to 300"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN,
                                "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 86401))),
                        "autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds", "from 1 to 86400"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN,
                                "thumbnailConfiguration", Map.of("targetIntervalSeconds", 30))),
                        "autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds",
                        "only when recordingMode is INTERVAL"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN,
                                "thumbnailConfiguration", Map.of("storage", List.of("LATEST", "LATEST")))),
                        "autoParticipantRecordingConfiguration.thumbnailConfiguration.storage", "lists a value twice"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", STORAGE_ARN,
                                "hlsConfiguration", Map.of("targetSegmentDurationSeconds", 1))),
                        "autoParticipantRecordingConfiguration.hlsConfiguration.targetSegmentDurationSeconds", "from 2 to 10"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", "", "mediaTypes", List.of("AUDIO_ONLY"))),
                        "autoParticipantRecordingConfiguration.mediaTypes", "no effect: with storageConfigurationArn \"\" recording is off"),
                arguments(STAGE, recording(Map.of("storageConfigurationArn", "", "thumbnailConfiguration",
                                Map.of("recordingMode", "INTERVAL"))),
                        "autoParticipantRecordingConfiguration.thumbnailConfiguration", "has no effect"),

                arguments(INGEST, Map.of(), null, null),
                arguments(INGEST, Map.of("name", "encoder", "stageArn", STAGE_ARN, "userId", "\u00e9".repeat(128),
                        "attributes", Map.of("role", "host"), "ingestProtocol", "RTMP", "insecureIngest", true), null, null),
                arguments(INGEST, Map.of("stageArn", ""), null, null),
                arguments(INGEST, Map.of("name", "en coder"), "name", "only letters, digits, - and _"),
                arguments(INGEST, Map.of("stageArn", CHANNEL_ARN), "stageArn", "not an IVS stage ARN"),
                arguments(INGEST, Map.of("userId", "u".repeat(129)), "userId", "0 to 128"),
                arguments(INGEST, Map.of("attributes", Map.of("note", "\u00e9".repeat(511))), "attributes",
                        "1026 bytes of keys and values (UTF-8); at most 1024"),
                arguments(INGEST, Map.of("ingestProtocol", "SRT"), "ingestProtocol", "one of RTMP, RTMPS"),
                arguments(INGEST, Map.of("ingestProtocol", "RTMP"), "insecureIngest", "RTMP ingest needs insecureIngest: true"),
                arguments(INGEST, Map.of("ingestProtocol", "RTMP", "insecureIngest", Unknown.VALUE), null, null),

                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem(), "name", "tokens"), null, null),
                arguments(PUBLIC_KEY, Map.of(), "publicKeyMaterial", "missing required property"),
                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem(), "name", "to kens"), "name",
                        "only letters"),
                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", TestKeys.rsaPublicKeyPem()), "publicKeyMaterial",
                        "not an elliptic-curve (ECDSA) key"),
                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem("secp256r1")), "publicKeyMaterial",
                        "256-bit curve, and IVS needs P-384"),
                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem().replace("\n", "")),
                        "publicKeyMaterial", "expected -----BEGIN PUBLIC KEY-----, a line break"),
                arguments(PUBLIC_KEY, Map.of("publicKeyMaterial", Unknown.VALUE), null, null)
        );
    }

    private static Map<String, Object> recording(Map<String, Object> recording) {
        return Map.of("autoParticipantRecordingConfiguration", recording);
    }

    @Test
    void cases_coverEveryResourceTypeOfTheSchema() {
        assertThat(cases().map(row -> (String) row.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
        assertThat(cases().filter(row -> row.get()[2] != null).map(row -> (String) row.get()[0]).distinct())
                .as("every type has a case that fails").containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void check_modelConstraint_failsNamingPropertyOrPasses(String token, Map<String, Object> inputs, String property,
                                                           String reason) {
        var result = PROVIDER.resource(token).orElseThrow().check(new CheckRequest("urn:test", Map.of(), inputs));
        if (property == null) {
            assertThat(result.failures()).isEmpty();
        } else {
            assertThat(result.failures()).as("failures").anySatisfy(failure -> {
                assertThat(failure.property()).isEqualTo(property);
                assertThat(failure.reason()).contains(reason);
            });
        }
    }

    @Test
    void check_secretTagValueAgainstTheTagRules_failureNeverShowsIt() {
        var channel = PROVIDER.resource(CHANNEL).orElseThrow();
        var oneSecret = channel.check(new CheckRequest("urn:test", Map.of(), Map.of("tags", Map.of("k", new Secret("pass#word")))));
        var allSecret = channel.check(new CheckRequest("urn:test", Map.of(), Map.of("tags", new Secret(Map.of("k", "pass#word")))));
        for (var result : List.of(oneSecret, allSecret)) {
            assertThat(result.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.property()).isEqualTo("tags.k");
                assertThat(failure.reason()).startsWith("tag value [secret] is not valid: tag keys and values have only")
                        .doesNotContain("pass");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void check_omittedProperties_getSchemaDefaults(String token, Map<String, Object> inputs, Map<String, Object> expected) {
        var result = PROVIDER.resource(token).orElseThrow().check(new CheckRequest("urn:test", Map.of(), inputs));
        assertThat(result.inputs()).containsAllEntriesOf(expected);
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                arguments(CHANNEL, Map.of(), Map.of("type", "STANDARD", "latencyMode", "LOW", "authorized", false,
                        "insecureIngest", false, "containerFormat", "TS", "recordingConfigurationArn", "")),
                arguments(RECORDING, Map.of("destinationConfiguration", destination("b12"),
                        "renditionConfiguration", Map.of()), Map.of("recordingReconnectWindowSeconds", 0L,
                        "renditionConfiguration", Map.of("renditionSelection", "ALL"))),
                arguments(ENCODER, Map.of("video", Map.of("width", 640)), Map.of("video",
                        Map.of("width", 640L, "height", 720L, "framerate", 30.0, "bitrate", 2_500_000L))),
                arguments(POLICY, Map.of(), Map.of("enableStrictOriginEnforcement", false)),
                arguments(INGEST, Map.of(), Map.of("ingestProtocol", "RTMPS", "insecureIngest", false, "stageArn", "")));
    }
}
