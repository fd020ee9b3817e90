package com.ivsstack.emulator.support;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;

/** One way to create each taggable resource type, for tests that run over all of them. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Creates a resource and returns its ARN. */
    public record Taggable(String type, boolean realTime, BiFunction<IvsClient, IvsRealTimeClient, String> create) {
        @Override
        public String toString() {
            return type;
        }
    }

    public static Stream<Taggable> taggables() {
        return Stream.of(
                new Taggable("channel", false, (ivs, rt) -> ivs.createChannel(b -> { }).channel().arn()),
                new Taggable("stream-key", false, (ivs, rt) -> ivs.createChannel(b -> { }).streamKey().arn()),
                new Taggable("recording-configuration", false, (ivs, rt) -> ivs.createRecordingConfiguration(b -> b
                        .destinationConfiguration(d -> d.s3(s -> s.bucketName("recordings"))))
                        .recordingConfiguration().arn()),
                new Taggable("playback-key", false, (ivs, rt) -> ivs.importPlaybackKeyPair(b -> b
                        .publicKeyMaterial(PublicKeys.p384())).keyPair().arn()),
                new Taggable("playback-restriction-policy", false, (ivs, rt) -> ivs
                        .createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy().arn()),
                new Taggable("stage", true, (ivs, rt) -> rt.createStage(b -> { }).stage().arn()),
                new Taggable("encoder-configuration", true, (ivs, rt) -> rt.createEncoderConfiguration(b -> { })
                        .encoderConfiguration().arn()),
                new Taggable("storage-configuration", true, (ivs, rt) -> rt.createStorageConfiguration(b -> b
                        .s3(s -> s.bucketName("recordings"))).storageConfiguration().arn()),
                new Taggable("public-key", true, (ivs, rt) -> rt.importPublicKey(b -> b
                        .publicKeyMaterial(PublicKeys.p384())).publicKey().arn()),
                new Taggable("ingest-configuration", true, (ivs, rt) -> rt.createIngestConfiguration(b -> b
                        .ingestProtocol(IngestProtocol.RTMPS)).ingestConfiguration().arn()),
                new Taggable("composition", true, (ivs, rt) -> {
                    String stage = rt.createStage(b -> { }).stage().arn();
                    String channel = ivs.createChannel(b -> { }).channel().arn();
                    return rt.startComposition(b -> b.stageArn(stage)
                            .destinations(d -> d.channel(c -> c.channelArn(channel)))).composition().arn();
                }));
    }
}
