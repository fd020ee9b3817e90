package com.ivsstack.examples.realtimerecording;

import com.ivsstack.ivs.realtime.EncoderConfiguration;
import com.ivsstack.ivs.realtime.EncoderConfigurationArgs;
import com.ivsstack.ivs.realtime.StorageConfiguration;
import com.ivsstack.ivs.realtime.StorageConfigurationArgs;
import com.ivsstack.ivs.realtime.inputs.EncoderConfigurationVideoArgs;
import com.ivsstack.ivs.realtime.inputs.StorageConfigurationS3Args;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import java.util.List;

/**
 * The recording side of IVS RealTime: one encoder configuration per rendition a composition writes, and the
 * S3 storage configuration it writes them to. A composition (started per stage, at run time) takes their ARNs.
 */
public final class App {

    /** A rendition of the composition; IVS needs even dimensions and at most 1920x1080 pixels. */
    record Rendition(String name, int width, int height, double framerate, int bitrate) {}

    static final List<Rendition> RENDITIONS = List.of(
            new Rendition("hd-720p", 1280, 720, 30, 2_500_000),
            new Rendition("full-hd-1080p", 1920, 1080, 30, 6_000_000));

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        String bucket = ctx.config().require("storageBucket");

        List<Output<String>> encoderArns = RENDITIONS.stream().map(rendition -> {
            // docs:begin ivs:realtime:EncoderConfiguration
            var encoder = new EncoderConfiguration(rendition.name(), EncoderConfigurationArgs.builder()
                    .name(rendition.name())
                    .video(EncoderConfigurationVideoArgs.builder()
                            .width(rendition.width())
                            .height(rendition.height())
                            .framerate(rendition.framerate())
                            .bitrate(rendition.bitrate())
                            .build())
                    .build());
            // docs:end ivs:realtime:EncoderConfiguration
            return encoder.arn();
        }).toList();

        // docs:begin ivs:realtime:StorageConfiguration
        var storage = new StorageConfiguration("composition-recordings", StorageConfigurationArgs.builder()
                .name("composition-recordings")
                .s3(StorageConfigurationS3Args.builder()
                        .bucketName(bucket)
                        .build())
                .build());
        // docs:end ivs:realtime:StorageConfiguration

        ctx.export("encoderConfigurationArns", Output.all(encoderArns));
        ctx.export("storageConfigurationArn", storage.arn());
    }
}
