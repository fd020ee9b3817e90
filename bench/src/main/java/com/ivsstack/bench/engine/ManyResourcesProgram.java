package com.ivsstack.bench.engine;

import com.ivsstack.ivs.Channel;
import com.ivsstack.ivs.ChannelArgs;
import com.ivsstack.ivs.StreamKey;
import com.ivsstack.ivs.StreamKeyArgs;
import com.pulumi.Pulumi;

/**
 * An unmodified Pulumi Java program of {@value #RESOURCES_VARIABLE} resources: half channels, half their stream keys
 * (each key depends on its channel's ARN, as in real stacks).
 */
public final class ManyResourcesProgram {

    public static final String RESOURCES_VARIABLE = "IVS_BENCH_RESOURCES";

    private ManyResourcesProgram() {
    }

    public static void main(String[] args) {
        int resources = Integer.parseInt(System.getenv().getOrDefault(RESOURCES_VARIABLE, "100"));
        Pulumi.run(ctx -> {
            for (int i = 0; i < resources / 2; i++) {
                var channel = new Channel("channel-" + i, ChannelArgs.builder().name("bench-" + i).build());
                new StreamKey("channel-" + i + "-key", StreamKeyArgs.builder().channelArn(channel.arn()).build());
            }
        });
    }
}
