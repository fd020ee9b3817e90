package com.ivsstack.engine.testing.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * An unmodified-style Pulumi Java program for engine tests; stack config switches its shape:
 * recording (true), channel (true), streamKey (true), channelName, channelType, latency, tag,
 * recordingName, channelDeleteBeforeReplace, protectChannel, ignoreLatency, importChannelId, foreign, say (a line
 * the program prints first), fail (a message the program fails with, as an unhandled exception), requires (the
 * name of a config key the program requires).
 */
public final class TestProgram {
    private TestProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(TestProgram::stack);
    }

    static void stack(Context ctx) {
        var config = ctx.config();
        config.get("say").ifPresent(System.out::println);
        config.get("fail").ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        config.get("requires").ifPresent(config::require);
        if (config.getBoolean("foreign").orElse(false)) {
            new TestResource("aws:s3/bucket:Bucket", "bucket", new TestResource.Args(Output.of("b"), null), null);
            return;
        }
        var platform = new Platform("platform");
        Output<String> recordingArn = null;
        if (config.getBoolean("recording").orElse(true)) {
            var recording = new TestResource("ivs:index:RecordingConfiguration", "recording",
                    new TestResource.Args(Output.of(config.get("recordingName").orElse("rec")), null),
                    CustomResourceOptions.builder().parent(platform).build());
            recordingArn = recording.arn();
        }
        if (!config.getBoolean("channel").orElse(true)) {
            return;
        }
        var options = CustomResourceOptions.builder().parent(platform);
        if (config.getBoolean("channelDeleteBeforeReplace").orElse(false)) {
            options.deleteBeforeReplace(true);
        }
        if (config.getBoolean("protectChannel").orElse(false)) {
            options.protect(true);
        }
        if (config.getBoolean("ignoreLatency").orElse(false)) {
            options.ignoreChanges(List.of("latencyMode"));
        }
        config.get("importChannelId").ifPresent(options::importId);
        var channel = new TestChannel("main",
                new TestChannel.Args(
                        Output.of(config.get("channelName").orElse("main-channel")),
                        Output.of(config.get("channelType").orElse("STANDARD")),
                        Output.of(config.get("latency").orElse("LOW")),
                        recordingArn,
                        Output.of(Map.of("team", config.get("tag").orElse("video")))),
                options.build());
        ctx.export("playbackUrl", channel.playbackUrl());
        ctx.export("channelStreamKey", channel.streamKey());
        if (config.getBoolean("streamKey").orElse(true)) {
            var key = new TestResource("ivs:index:StreamKey", "main-key",
                    new TestResource.Args(null, channel.arn()),
                    CustomResourceOptions.builder().parent(platform).build());
            ctx.export("streamKey", key.value());
        }
    }

    /** A component resource grouping the others. */
    static final class Platform extends ComponentResource {
        Platform(String name) {
            super("test:index:Platform", name, ComponentResourceOptions.Empty);
            registerOutputs(Map.of());
        }
    }
}
