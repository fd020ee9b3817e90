package com.ivsstack.engine.testing.program;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import javax.annotation.Nullable;

/** A channel-like resource for engine tests, declared as the generated SDK would. */
@ResourceType(type = "ivs:index:Channel")
public class TestChannel extends CustomResource {
    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private Output<String> arn;
    @Export(name = "playbackUrl", refs = {String.class}, tree = "[0]")
    private Output<String> playbackUrl;
    @Export(name = "streamKey", refs = {String.class}, tree = "[0]")
    private Output<String> streamKey;
    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public Output<String> arn() {
        return arn;
    }

    public Output<String> playbackUrl() {
        return playbackUrl;
    }

    public Output<String> streamKey() {
        return streamKey;
    }

    public Output<String> name() {
        return name;
    }

    public TestChannel(String name, Args args, @Nullable CustomResourceOptions options) {
        super("ivs:index:Channel", name, args, withSecrets(options));
    }

    private static CustomResourceOptions withSecrets(@Nullable CustomResourceOptions options) {
        return CustomResourceOptions.merge(CustomResourceOptions.builder().additionalSecretOutputs("streamKey").build(),
                options, null);
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "name")
        private @Nullable Output<String> name;
        @Import(name = "type")
        private @Nullable Output<String> type;
        @Import(name = "latencyMode")
        private @Nullable Output<String> latencyMode;
        @Import(name = "recordingConfigurationArn")
        private @Nullable Output<String> recordingConfigurationArn;
        @Import(name = "tags")
        private @Nullable Output<Map<String, String>> tags;

        public Args(Output<String> name, Output<String> type, Output<String> latencyMode,
                    Output<String> recordingConfigurationArn, Output<Map<String, String>> tags) {
            this.name = name;
            this.type = type;
            this.latencyMode = latencyMode;
            this.recordingConfigurationArn = recordingConfigurationArn;
            this.tags = tags;
        }
    }
}
