package com.ivsstack.examples.livechannel;

import com.ivsstack.ivs.Channel;
import com.ivsstack.ivs.ChannelArgs;
import com.ivsstack.ivs.RecordingConfiguration;
import com.ivsstack.ivs.RecordingConfigurationArgs;
import com.ivsstack.ivs.StreamKey;
import com.ivsstack.ivs.StreamKeyArgs;
import com.ivsstack.ivs.enums.ChannelLatencyMode;
import com.ivsstack.ivs.enums.ChannelType;
import com.ivsstack.ivs.enums.ThumbnailRecordingMode;
import com.ivsstack.ivs.inputs.RecordingConfigurationDestinationConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationS3DestinationConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationThumbnailConfigurationArgs;
import com.pulumi.Context;
import com.pulumi.Pulumi;

/**
 * One live channel that records every broadcast to S3. Exports the ingest endpoint and the stream key (as a
 * secret) for the broadcaster, and the playback URL for the player.
 */
public final class App {

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        String bucket = ctx.config().require("recordingBucket");

        // docs:begin ivs:index:RecordingConfiguration
        var recording = new RecordingConfiguration("recordings", RecordingConfigurationArgs.builder()
                .name("live-channel-recordings")
                .destinationConfiguration(RecordingConfigurationDestinationConfigurationArgs.builder()
                        .s3(RecordingConfigurationS3DestinationConfigurationArgs.builder()
                                .bucketName(bucket)
                                .build())
                        .build())
                // a broadcaster that reconnects within a minute continues the same recording
                .recordingReconnectWindowSeconds(60)
                .thumbnailConfiguration(RecordingConfigurationThumbnailConfigurationArgs.builder()
                        .recordingMode(ThumbnailRecordingMode.Interval)
                        .targetIntervalSeconds(30)
                        .build())
                .build());
        // docs:end ivs:index:RecordingConfiguration

        // docs:begin ivs:index:Channel
        var channel = new Channel("live", ChannelArgs.builder()
                .name("live")
                .type(ChannelType.Standard)
                .latencyMode(ChannelLatencyMode.Low)
                .recordingConfigurationArn(recording.arn())
                .build());
        // docs:end ivs:index:Channel

        // docs:begin ivs:index:StreamKey
        var streamKey = new StreamKey("live-key", StreamKeyArgs.builder()
                .channelArn(channel.arn())
                .build());
        // docs:end ivs:index:StreamKey

        ctx.export("playbackUrl", channel.playbackUrl());
        ctx.export("ingestEndpoint", channel.ingestEndpoint());
        ctx.export("streamKey", streamKey.value().asSecret());
    }
}
