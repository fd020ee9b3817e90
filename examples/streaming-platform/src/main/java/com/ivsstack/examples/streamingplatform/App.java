package com.ivsstack.examples.streamingplatform;

import com.ivsstack.ivs.Channel;
import com.ivsstack.ivs.ChannelArgs;
import com.ivsstack.ivs.RecordingConfiguration;
import com.ivsstack.ivs.RecordingConfigurationArgs;
import com.ivsstack.ivs.StreamKey;
import com.ivsstack.ivs.StreamKeyArgs;
import com.ivsstack.ivs.enums.RenditionSelection;
import com.ivsstack.ivs.inputs.RecordingConfigurationDestinationConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationRenditionConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationS3DestinationConfigurationArgs;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streaming platform: one channel and stream key per creator of the {@code creators} stack config list, a
 * recording configuration shared by the creators who record, and the platform's tags on everything.
 */
public final class App {

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        List<CreatorChannel> creators = CreatorChannel.fromConfig(
                config.requireObject("creators", TypeShape.list(Creator.class)));
        Map<String, String> platformTags = config.getObject("tags", TypeShape.map(String.class, String.class))
                .orElse(Map.of());

        var recording = new RecordingConfiguration("vod-recordings", RecordingConfigurationArgs.builder()
                .name("vod-recordings")
                .destinationConfiguration(RecordingConfigurationDestinationConfigurationArgs.builder()
                        .s3(RecordingConfigurationS3DestinationConfigurationArgs.builder()
                                .bucketName(config.require("recordingBucket"))
                                .build())
                        .build())
                .renditionConfiguration(RecordingConfigurationRenditionConfigurationArgs.builder()
                        .renditionSelection(RenditionSelection.All)
                        .build())
                .tags(platformTags)
                .build());

        Map<String, Output<String>> playbackUrls = new TreeMap<>();
        Map<String, Output<String>> ingestEndpoints = new TreeMap<>();
        Map<String, Output<String>> streamKeys = new TreeMap<>();
        for (CreatorChannel creator : creators) {
            Map<String, String> tags = new LinkedHashMap<>(platformTags);
            tags.put("creator", creator.name());

            var channel = new Channel(creator.channelResourceName(), ChannelArgs.builder()
                    .name(creator.channelResourceName())
                    .latencyMode(creator.latencyMode())
                    .type(creator.channelType())
                    .recordingConfigurationArn(creator.record() ? recording.arn() : Output.of(""))
                    .tags(tags)
                    .build());
            var streamKey = new StreamKey(creator.streamKeyResourceName(), StreamKeyArgs.builder()
                    .channelArn(channel.arn())
                    .tags(tags)
                    .build());

            playbackUrls.put(creator.name(), channel.playbackUrl());
            ingestEndpoints.put(creator.name(), channel.ingestEndpoint());
            streamKeys.put(creator.name(), streamKey.value());
        }

        ctx.export("recordingConfigurationArn", recording.arn());
        ctx.export("playbackUrls", byCreator(playbackUrls));
        ctx.export("ingestEndpoints", byCreator(ingestEndpoints));
        ctx.export("streamKeys", byCreator(streamKeys).asSecret());
    }

    /** One Output of a creator-to-value map, from one Output per creator. */
    private static Output<Map<String, String>> byCreator(Map<String, Output<String>> values) {
        List<String> names = List.copyOf(values.keySet());
        return Output.all(List.copyOf(values.values())).applyValue(list -> {
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), list.get(i));
            }
            return map;
        });
    }
}
