package com.ivsstack.engine.testing.program;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/** Any other resource type for engine tests: a name, a channel reference, an arn and a secret value. */
public class TestResource extends CustomResource {
    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private Output<String> arn;
    @Export(name = "value", refs = {String.class}, tree = "[0]")
    private Output<String> value;

    public Output<String> arn() {
        return arn;
    }

    public Output<String> value() {
        return value;
    }

    public TestResource(String type, String name, Args args, @Nullable CustomResourceOptions options) {
        super(type, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder().additionalSecretOutputs("value").build(), options, null));
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "name")
        private @Nullable Output<String> name;
        @Import(name = "channelArn")
        private @Nullable Output<String> channelArn;

        public Args(@Nullable Output<String> name, @Nullable Output<String> channelArn) {
            this.name = name;
            this.channelArn = channelArn;
        }
    }
}
