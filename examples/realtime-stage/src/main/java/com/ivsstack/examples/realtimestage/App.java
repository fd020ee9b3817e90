package com.ivsstack.examples.realtimestage;

import com.ivsstack.ivs.enums.ThumbnailRecordingMode;
import com.ivsstack.ivs.enums.ThumbnailStorage;
import com.ivsstack.ivs.realtime.IngestConfiguration;
import com.ivsstack.ivs.realtime.IngestConfigurationArgs;
import com.ivsstack.ivs.realtime.PublicKey;
import com.ivsstack.ivs.realtime.PublicKeyArgs;
import com.ivsstack.ivs.realtime.Stage;
import com.ivsstack.ivs.realtime.StageArgs;
import com.ivsstack.ivs.realtime.StorageConfiguration;
import com.ivsstack.ivs.realtime.StorageConfigurationArgs;
import com.ivsstack.ivs.realtime.enums.IngestProtocol;
import com.ivsstack.ivs.realtime.enums.ParticipantRecordingMediaType;
import com.ivsstack.ivs.realtime.inputs.StageAutoParticipantRecordingConfigurationArgs;
import com.ivsstack.ivs.realtime.inputs.StageThumbnailConfigurationArgs;
import com.ivsstack.ivs.realtime.inputs.StorageConfigurationS3Args;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A whole IVS RealTime product as code: a stage where participants meet, every one of them recorded to S3 with
 * thumbnails; an RTMPS ingest configuration with which a broadcaster's encoder publishes into the stage; and the
 * public key that verifies the participant tokens your token service signs.
 */
public final class App {

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        String bucket = config.require("recordingBucket");
        int thumbnailInterval = config.requireInteger("thumbnailIntervalSeconds");
        Path publicKeyFile = Path.of(config.require("publicKeyFile"));

        var storage = new StorageConfiguration("participant-recordings", StorageConfigurationArgs.builder()
                .name("participant-recordings")
                .s3(StorageConfigurationS3Args.builder().bucketName(bucket).build())
                .build());

        // The stage records to the storage configuration, so the engine changes or deletes the stage first, and a
        // replaced storage configuration goes only once the stage records to its successor.
        // docs:begin ivs:realtime:Stage
        var stage = new Stage("studio", StageArgs.builder()
                .name("studio")
                .autoParticipantRecordingConfiguration(StageAutoParticipantRecordingConfigurationArgs.builder()
                        .storageConfigurationArn(storage.arn())
                        .mediaTypes(ParticipantRecordingMediaType.AudioVideo)
                        .thumbnailConfiguration(StageThumbnailConfigurationArgs.builder()
                                .recordingMode(ThumbnailRecordingMode.Interval)
                                .targetIntervalSeconds(thumbnailInterval)
                                .storage(ThumbnailStorage.Sequential, ThumbnailStorage.Latest)
                                .build())
                        .recordingReconnectWindowSeconds(60)
                        .build())
                .build());
        // docs:end ivs:realtime:Stage

        // docs:begin ivs:realtime:IngestConfiguration
        var encoder = new IngestConfiguration("studio-encoder", IngestConfigurationArgs.builder()
                .name("studio-encoder")
                .stageArn(stage.arn())
                .userId(config.require("broadcaster"))
                .attributes(Map.of("role", "host"))
                .ingestProtocol(IngestProtocol.Rtmps)
                .build());
        // docs:end ivs:realtime:IngestConfiguration

        // docs:begin ivs:realtime:PublicKey
        var participantTokens = new PublicKey("participant-tokens", PublicKeyArgs.builder()
                .name("participant-tokens")
                .publicKeyMaterial(readPem(publicKeyFile))
                .build());
        // docs:end ivs:realtime:PublicKey

        ctx.export("stageArn", stage.arn());
        ctx.export("whipEndpoint", stage.endpoints().applyValue(endpoints -> endpoints.whip().orElse("")));
        // the broadcaster's encoder: server and stream key (secret)
        ctx.export("encoderServer", stage.endpoints().applyValue(endpoints -> endpoints.rtmps().orElse("")));
        ctx.export("encoderStreamKey", encoder.streamKey().asSecret());
        // participant tokens are signed ES384 with the private key, their "kid" being this ARN
        ctx.export("participantTokenKeyArn", participantTokens.arn());
        ctx.export("storageConfigurationArn", storage.arn());
    }

    private static String readPem(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the participant token public key " + file.toAbsolutePath()
                    + " (config realtime-stage:publicKeyFile, relative to the project folder): " + e.getMessage(), e);
        }
    }
}
