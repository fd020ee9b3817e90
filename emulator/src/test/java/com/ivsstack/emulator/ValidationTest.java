package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ValidationException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Every constraint kind of the model, on both services: each bad request is a 400 ValidationException whose
 * message names the field and the rule, and it is answered before any lookup (the ARNs below do not exist).
 */
class ValidationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
    private static final String STAGE = "arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh";

    @FunctionalInterface
    interface IvsCall {
        void call(IvsClient ivs);
    }

    @FunctionalInterface
    interface RealTimeCall {
        void call(IvsRealTimeClient rt);
    }

    static Stream<Arguments> ivsViolations() {
        return Stream.of(
                arguments("required member missing", (IvsCall) ivs -> ivs.getChannel(b -> { }), "'arn'", "must not be null"),
                arguments("nested required member missing", (IvsCall) ivs -> ivs.createRecordingConfiguration(
                        b -> b.destinationConfiguration(d -> d.s3(s -> { }))), "destinationConfiguration.s3.bucketName", "must not be null"),
                arguments("string too long", (IvsCall) ivs -> ivs.createChannel(b -> b.name("n".repeat(129))), "'name'", "less than or equal to 128"),
                arguments("string too short", (IvsCall) ivs -> ivs.createRecordingConfiguration(
                        b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("ab")))), "bucketName", "greater than or equal to 3"),
                arguments("pattern", (IvsCall) ivs -> ivs.createChannel(b -> b.name("no spaces")), "'name'", "regular expression"),
                arguments("ARN of the wrong type", (IvsCall) ivs -> ivs.getChannel(b -> b.arn(
                        "arn:aws:ivs:us-west-2:123456789012:stream-key/abcdABCDefgh")), "'arn'", "regular expression"),
                arguments("enum", (IvsCall) ivs -> ivs.createChannel(b -> b.type("PREMIUM")), "'type'", "enum value set"),
                arguments("nested enum", (IvsCall) ivs -> ivs.createChannel(b -> b.multitrackInputConfiguration(
                        m -> m.policy("SOMETIMES"))), "multitrackInputConfiguration.policy", "enum value set"),
                arguments("integer below range", (IvsCall) ivs -> ivs.listChannels(b -> b.maxResults(0)), "maxResults", "greater than or equal to 1"),
                arguments("integer above range", (IvsCall) ivs -> ivs.listStreamKeys(b -> b.channelArn(CHANNEL).maxResults(51)), "maxResults", "less than or equal to 50"),
                arguments("reconnect window above 300", (IvsCall) ivs -> ivs.createRecordingConfiguration(b -> b
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName("bucket"))).recordingReconnectWindowSeconds(301)),
                        "recordingReconnectWindowSeconds", "less than or equal to 300"),
                arguments("thumbnail interval above 60", (IvsCall) ivs -> ivs.createRecordingConfiguration(b -> b
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName("bucket")))
                        .thumbnailConfiguration(t -> t.targetIntervalSeconds(61L))), "targetIntervalSeconds", "less than or equal to 60"),
                arguments("list too short", (IvsCall) ivs -> ivs.batchGetChannel(b -> b.arns(Collections.emptyList())), "'arns'", "greater than or equal to 1"),
                arguments("list too long", (IvsCall) ivs -> ivs.batchGetChannel(b -> b.arns(Collections.nCopies(51, CHANNEL))), "'arns'", "less than or equal to 50"),
                arguments("list item pattern", (IvsCall) ivs -> ivs.batchGetChannel(b -> b.arns(CHANNEL, "nope")), "arns[1]", "regular expression"),
                arguments("map too large", (IvsCall) ivs -> ivs.createChannel(b -> b.tags(tags(51))), "'tags'", "less than or equal to 50"),
                arguments("tag key too long", (IvsCall) ivs -> ivs.createChannel(b -> b.tags(Map.of("k".repeat(129), "v"))), "tags.key", "less than or equal to 128"),
                arguments("tag value too long", (IvsCall) ivs -> ivs.createChannel(b -> b.tags(Map.of("k", "v".repeat(257)))), "tags.k", "less than or equal to 256"),
                arguments("next token pattern", (IvsCall) ivs -> ivs.listChannels(b -> b.nextToken("not valid!")), "nextToken", "regular expression"),
                arguments("next token unknown", (IvsCall) ivs -> ivs.listChannels(b -> b.nextToken("garbage")), "nextToken", "not valid"),
                arguments("preset on a STANDARD channel", (IvsCall) ivs -> ivs.createChannel(b -> b.preset("HIGHER_BANDWIDTH_DELIVERY")), "'preset'", "ADVANCED"),
                arguments("preset on a BASIC channel, before looking the channel up", (IvsCall) ivs -> ivs.updateChannel(b -> b
                        .arn(CHANNEL).type("BASIC").preset("HIGHER_BANDWIDTH_DELIVERY")), "'preset'", "ADVANCED"),
                arguments("multitrack on a BASIC channel", (IvsCall) ivs -> ivs.createChannel(b -> b.type("BASIC").containerFormat("FRAGMENTED_MP4")
                        .multitrackInputConfiguration(m -> m.enabled(true).policy("ALLOW").maximumResolution("HD"))), "multitrackInputConfiguration.enabled", "STANDARD"),
                arguments("multitrack without fMP4", (IvsCall) ivs -> ivs.createChannel(b -> b
                        .multitrackInputConfiguration(m -> m.enabled(true).policy("ALLOW").maximumResolution("HD"))), "'containerFormat'", "FRAGMENTED_MP4"),
                arguments("multitrack without policy", (IvsCall) ivs -> ivs.createChannel(b -> b.containerFormat("FRAGMENTED_MP4")
                        .multitrackInputConfiguration(m -> m.enabled(true).maximumResolution("HD"))), "multitrackInputConfiguration.policy", "must not be null"),
                arguments("CUSTOM renditions without a list", (IvsCall) ivs -> ivs.createRecordingConfiguration(b -> b
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName("bucket")))
                        .renditionConfiguration(r -> r.renditionSelection("CUSTOM"))), "renditionConfiguration.renditions", "CUSTOM"),
                arguments("country code length", (IvsCall) ivs -> ivs.createPlaybackRestrictionPolicy(b -> b.allowedCountries("USA")), "allowedCountries[0]", "less than or equal to 2"),
                arguments("stream id length", (IvsCall) ivs -> ivs.getStreamSession(b -> b.channelArn(CHANNEL).streamId("st-short")), "streamId", "greater than or equal to 26"),
                arguments("reserved tag prefix", (IvsCall) ivs -> ivs.createChannel(b -> b.tags(Map.of("aws:x", "y"))), "tags.key", "aws:"),
                arguments("metadata empty", (IvsCall) ivs -> ivs.putMetadata(b -> b.channelArn(CHANNEL).metadata("")), "Value at 'metadata'", "greater than or equal to 1"));
    }

    static Stream<Arguments> realTimeViolations() {
        return Stream.of(
                arguments("required member missing", (RealTimeCall) rt -> rt.createStorageConfiguration(b -> { }), "'s3'", "must not be null"),
                arguments("unanchored model pattern is a full match", (RealTimeCall) rt -> rt.getStage(b -> b.arn(STAGE + "!")), "'arn'", "regular expression"),
                arguments("integer below range", (RealTimeCall) rt -> rt.createEncoderConfiguration(b -> b.video(v -> v.width(1))), "video.width", "greater than or equal to 2"),
                arguments("float above range", (RealTimeCall) rt -> rt.createEncoderConfiguration(b -> b.video(v -> v.framerate(60.5f))), "video.framerate", "less than or equal to 60"),
                arguments("bitrate above range", (RealTimeCall) rt -> rt.createEncoderConfiguration(b -> b.video(v -> v.bitrate(8_500_001))), "video.bitrate", "less than or equal to 8500000"),
                arguments("odd height", (RealTimeCall) rt -> rt.createEncoderConfiguration(b -> b.video(v -> v.height(721))), "video.height", "even"),
                arguments("pixel budget", (RealTimeCall) rt -> rt.createEncoderConfiguration(b -> b.video(v -> v.width(1920).height(1920))), "'video'", "2073600"),
                arguments("list too long", (RealTimeCall) rt -> rt.createStage(b -> b.participantTokenConfigurations(
                        Collections.nCopies(13, software.amazon.awssdk.services.ivsrealtime.model.ParticipantTokenConfiguration.builder().build()))),
                        "participantTokenConfigurations", "less than or equal to 12"),
                arguments("nested range", (RealTimeCall) rt -> rt.createStage(b -> b.autoParticipantRecordingConfiguration(a -> a
                        .storageConfigurationArn("").hlsConfiguration(h -> h.targetSegmentDurationSeconds(11)))),
                        "hlsConfiguration.targetSegmentDurationSeconds", "less than or equal to 10"),
                arguments("destination needs channel or s3", (RealTimeCall) rt -> rt.startComposition(b -> b.stageArn(STAGE)
                        .destinations(d -> d.name("empty"))), "destinations[0]", "exactly one"),
                arguments("s3 destination needs exactly one encoder", (RealTimeCall) rt -> rt.startComposition(b -> b.stageArn(STAGE)
                        .destinations(d -> d.s3(s -> s.storageConfigurationArn("arn:aws:ivs:us-west-2:123456789012:storage-configuration/abc")
                                .encoderConfigurationArns(List.of())))), "encoderConfigurationArns", "greater than or equal to 1"),
                arguments("no destinations", (RealTimeCall) rt -> rt.startComposition(b -> b.stageArn(STAGE).destinations(List.of())), "'destinations'", "greater than or equal to 1"),
                arguments("enum in a layout", (RealTimeCall) rt -> rt.startComposition(b -> b.stageArn(STAGE)
                        .layout(l -> l.pip(p -> p.pipPosition("MIDDLE")))
                        .destinations(d -> d.channel(c -> c.channelArn(CHANNEL)))), "layout.pip.pipPosition", "enum value set"),
                arguments("tag value too long", (RealTimeCall) rt -> rt.createStage(b -> b.tags(Map.of("k", "v".repeat(257)))), "tags.k", "less than or equal to 256"),
                arguments("ingest configuration ARN of the wrong type, before looking it up", (RealTimeCall) rt -> rt.getIngestConfiguration(b -> b
                        .arn(STAGE)), "'arn'", "regular expression"),
                arguments("ingest protocol enum", (RealTimeCall) rt -> rt.createIngestConfiguration(b -> b.ingestProtocol("SRT")), "'ingestProtocol'", "enum value set"),
                arguments("update of a missing ingest configuration to a malformed stage", (RealTimeCall) rt -> rt.updateIngestConfiguration(b -> b
                        .arn("arn:aws:ivs:us-west-2:123456789012:ingest-configuration/abcdABCDefgh").stageArn("stage")), "'stageArn'", "regular expression"),
                arguments("ingest configuration delete with a stage ARN", (RealTimeCall) rt -> rt.deleteIngestConfiguration(b -> b.arn(STAGE)), "'arn'", "regular expression"),
                arguments("ingest list state enum", (RealTimeCall) rt -> rt.listIngestConfigurations(b -> b.filterByState("LIVE")), "filterByState", "enum value set"),
                arguments("session id length", (RealTimeCall) rt -> rt.listParticipants(b -> b.stageArn(STAGE).sessionId("st-1")), "sessionId", "greater than or equal to 16"),
                arguments("session id pattern", (RealTimeCall) rt -> rt.getStageSession(b -> b.stageArn(STAGE).sessionId("xx-AAAAAAAAAAAAA")), "sessionId", "regular expression"),
                arguments("recording state filter has no DISABLED", (RealTimeCall) rt -> rt.listParticipants(b -> b.stageArn(STAGE)
                        .sessionId("st-AAAAAAAAAAAAA").filterByRecordingState("DISABLED")), "filterByRecordingState", "enum value set"),
                arguments("participant id pattern", (RealTimeCall) rt -> rt.disconnectParticipant(b -> b.stageArn(STAGE).participantId("a b")), "participantId", "regular expression"),
                arguments("token duration", (RealTimeCall) rt -> rt.createParticipantToken(b -> b.stageArn(STAGE).duration(0)), "duration", "greater than or equal to 1"),
                arguments("public key name", (RealTimeCall) rt -> rt.importPublicKey(b -> b.name("a b")
                        .publicKeyMaterial(com.ivsstack.emulator.support.PublicKeys.p384())), "'name'", "regular expression"),
                arguments("tag key pattern", (RealTimeCall) rt -> rt.createIngestConfiguration(b -> b.ingestProtocol("RTMPS")
                        .tags(Map.of("a#b", "v"))), "tags.key", "regular expression"));
    }

    @ParameterizedTest(name = "IVS: {0}")
    @MethodSource("ivsViolations")
    void ivsRequest_violatesRule_validationExceptionNamingField(String rule, IvsCall call, String field, String text,
                                                               IvsClient ivs) {
        assertThatThrownBy(() -> call.call(ivs))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(400);
                    org.assertj.core.api.Assertions.assertThat(e.exceptionMessage()).contains(field).contains(text);
                });
    }

    @ParameterizedTest(name = "RealTime: {0}")
    @MethodSource("realTimeViolations")
    void realTimeRequest_violatesRule_validationExceptionNamingField(String rule, RealTimeCall call, String field,
                                                                    String text, IvsRealTimeClient rt) {
        assertThatThrownBy(() -> call.call(rt))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ivsrealtime.model.ValidationException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(400);
                    org.assertj.core.api.Assertions.assertThat(e.exceptionMessage()).contains(field).contains(text);
                });
    }

    private static Map<String, String> tags(int count) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("key" + i, "value");
        }
        return tags;
    }
}
