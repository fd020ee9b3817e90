package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** Every Get, Update, Delete (and Stop) on a well-formed ARN that does not exist: 404 ResourceNotFoundException. */
class NotFoundTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static String arn(String type) {
        return "arn:aws:ivs:us-west-2:123456789012:" + type + "/doesNotExist";
    }

    @FunctionalInterface
    interface IvsCall {
        void call(IvsClient ivs);
    }

    @FunctionalInterface
    interface RealTimeCall {
        void call(IvsRealTimeClient rt);
    }

    static Stream<Arguments> ivsCalls() {
        return Stream.of(
                arguments("GetChannel", (IvsCall) ivs -> ivs.getChannel(b -> b.arn(arn("channel")))),
                arguments("UpdateChannel", (IvsCall) ivs -> ivs.updateChannel(b -> b.arn(arn("channel")).name("x"))),
                arguments("DeleteChannel", (IvsCall) ivs -> ivs.deleteChannel(b -> b.arn(arn("channel")))),
                arguments("GetStreamKey", (IvsCall) ivs -> ivs.getStreamKey(b -> b.arn(arn("stream-key")))),
                arguments("DeleteStreamKey", (IvsCall) ivs -> ivs.deleteStreamKey(b -> b.arn(arn("stream-key")))),
                arguments("CreateStreamKey", (IvsCall) ivs -> ivs.createStreamKey(b -> b.channelArn(arn("channel")))),
                arguments("ListStreamKeys", (IvsCall) ivs -> ivs.listStreamKeys(b -> b.channelArn(arn("channel")))),
                arguments("GetStream", (IvsCall) ivs -> ivs.getStream(b -> b.channelArn(arn("channel")))),
                arguments("StopStream", (IvsCall) ivs -> ivs.stopStream(b -> b.channelArn(arn("channel")))),
                arguments("PutMetadata", (IvsCall) ivs -> ivs.putMetadata(b -> b.channelArn(arn("channel")).metadata("m"))),
                arguments("GetStreamSession", (IvsCall) ivs -> ivs.getStreamSession(b -> b.channelArn(arn("channel")))),
                arguments("ListStreamSessions", (IvsCall) ivs -> ivs.listStreamSessions(b -> b.channelArn(arn("channel")))),
                arguments("GetRecordingConfiguration", (IvsCall) ivs -> ivs.getRecordingConfiguration(b -> b.arn(arn("recording-configuration")))),
                arguments("DeleteRecordingConfiguration", (IvsCall) ivs -> ivs.deleteRecordingConfiguration(b -> b.arn(arn("recording-configuration")))),
                arguments("GetPlaybackKeyPair", (IvsCall) ivs -> ivs.getPlaybackKeyPair(b -> b.arn(arn("playback-key")))),
                arguments("DeletePlaybackKeyPair", (IvsCall) ivs -> ivs.deletePlaybackKeyPair(b -> b.arn(arn("playback-key")))),
                arguments("GetPlaybackRestrictionPolicy", (IvsCall) ivs -> ivs.getPlaybackRestrictionPolicy(b -> b.arn(arn("playback-restriction-policy")))),
                arguments("UpdatePlaybackRestrictionPolicy", (IvsCall) ivs -> ivs.updatePlaybackRestrictionPolicy(b -> b.arn(arn("playback-restriction-policy")))),
                arguments("DeletePlaybackRestrictionPolicy", (IvsCall) ivs -> ivs.deletePlaybackRestrictionPolicy(b -> b.arn(arn("playback-restriction-policy")))),
                arguments("CreateChannel with a missing policy", (IvsCall) ivs -> ivs.createChannel(b -> b.playbackRestrictionPolicyArn(arn("playback-restriction-policy")))),
                arguments("ListTagsForResource", (IvsCall) ivs -> ivs.listTagsForResource(b -> b.resourceArn(arn("channel")))),
                arguments("UntagResource", (IvsCall) ivs -> ivs.untagResource(b -> b.resourceArn(arn("recording-configuration")).tagKeys("k"))));
    }

    static Stream<Arguments> realTimeCalls() {
        return Stream.of(
                arguments("GetEncoderConfiguration", (RealTimeCall) rt -> rt.getEncoderConfiguration(b -> b.arn(arn("encoder-configuration")))),
                arguments("DeleteEncoderConfiguration", (RealTimeCall) rt -> rt.deleteEncoderConfiguration(b -> b.arn(arn("encoder-configuration")))),
                arguments("GetStorageConfiguration", (RealTimeCall) rt -> rt.getStorageConfiguration(b -> b.arn(arn("storage-configuration")))),
                arguments("DeleteStorageConfiguration", (RealTimeCall) rt -> rt.deleteStorageConfiguration(b -> b.arn(arn("storage-configuration")))),
                arguments("GetStage", (RealTimeCall) rt -> rt.getStage(b -> b.arn(arn("stage")))),
                arguments("UpdateStage", (RealTimeCall) rt -> rt.updateStage(b -> b.arn(arn("stage")).name("x"))),
                arguments("DeleteStage", (RealTimeCall) rt -> rt.deleteStage(b -> b.arn(arn("stage")))),
                arguments("GetComposition", (RealTimeCall) rt -> rt.getComposition(b -> b.arn(arn("composition")))),
                arguments("StopComposition", (RealTimeCall) rt -> rt.stopComposition(b -> b.arn(arn("composition")))),
                arguments("GetPublicKey", (RealTimeCall) rt -> rt.getPublicKey(b -> b.arn(arn("public-key")))),
                arguments("DeletePublicKey", (RealTimeCall) rt -> rt.deletePublicKey(b -> b.arn(arn("public-key")))),
                arguments("TagResource", (RealTimeCall) rt -> rt.tagResource(b -> b.resourceArn(arn("encoder-configuration")).tags(java.util.Map.of("k", "v")))),
                arguments("GetIngestConfiguration", (RealTimeCall) rt -> rt.getIngestConfiguration(b -> b.arn(arn("ingest-configuration")))),
                arguments("UpdateIngestConfiguration", (RealTimeCall) rt -> rt.updateIngestConfiguration(b -> b.arn(arn("ingest-configuration")))),
                arguments("DeleteIngestConfiguration", (RealTimeCall) rt -> rt.deleteIngestConfiguration(b -> b.arn(arn("ingest-configuration")).force(true))),
                arguments("ListTagsForResource of an ingest configuration", (RealTimeCall) rt -> rt.listTagsForResource(b -> b.resourceArn(arn("ingest-configuration")))),
                arguments("GetStageSession", (RealTimeCall) rt -> rt.getStageSession(b -> b.stageArn(arn("stage")).sessionId("st-AAAAAAAAAAAAA"))),
                arguments("GetParticipant", (RealTimeCall) rt -> rt.getParticipant(b -> b.stageArn(arn("stage")).sessionId("st-AAAAAAAAAAAAA").participantId("p"))),
                arguments("DisconnectParticipant", (RealTimeCall) rt -> rt.disconnectParticipant(b -> b.stageArn(arn("stage")).participantId("p"))),
                arguments("CreateParticipantToken", (RealTimeCall) rt -> rt.createParticipantToken(b -> b.stageArn(arn("stage")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ivsCalls")
    void ivsOperation_missingResource_resourceNotFound(String operation, IvsCall call, IvsClient ivs) {
        assertThatThrownBy(() -> call.call(ivs)).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.exceptionMessage()).contains("doesNotExist");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realTimeCalls")
    void realTimeOperation_missingResource_resourceNotFound(String operation, RealTimeCall call, IvsRealTimeClient rt) {
        assertThatThrownBy(() -> call.call(rt))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
