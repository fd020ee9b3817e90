package com.ivsstack.engine.testing.program;

import com.ivsstack.ivs.Channel;
import com.ivsstack.ivs.ChannelArgs;
import com.ivsstack.ivs.IvsFunctions;
import com.ivsstack.ivs.inputs.GetChannelArgs;
import com.ivsstack.ivs.outputs.GetChannelResult;
import com.pulumi.Pulumi;

/** A program on the generated SDK that uses a function (Invoke) and a resource lookup (get, ReadResource). */
public final class SdkProgram {
    private SdkProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var channel = new Channel("sdk-channel", ChannelArgs.builder().name("sdk-channel").build());
            var found = IvsFunctions.getChannel(GetChannelArgs.builder().arn(channel.arn()).build());
            ctx.export("ingestEndpoint", channel.ingestEndpoint());
            ctx.export("lookedUpIngestEndpoint", found.applyValue(GetChannelResult::ingestEndpoint));
            var existing = Channel.get("existing", channel.arn(), null, null);
            ctx.export("playbackUrl", channel.playbackUrl());
            ctx.export("readPlaybackUrl", existing.playbackUrl());
        });
    }
}
