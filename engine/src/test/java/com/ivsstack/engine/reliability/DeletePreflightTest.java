package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * Issue 17, item 2: a group of deletes whose one member would certainly fail (a live channel, with the provider's
 * stopLiveStreams off) is not started: nothing of it is deleted, and the error says why. The IVS provider answers
 * the engine's delete preflight; the endpoint is the local IVS endpoint with a simulated live stream.
 */
class DeletePreflightTest {
    private static final String URN = "urn:pulumi:dev::streaming-platform::";

    @TempDir
    Path dir;

    @Test
    void up_removingACreatorWhoseChannelIsLive_deletesNeitherItsKeyNorItsChannel_andSaysWhy() throws Exception {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir, emulator.endpoint(), 2);
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            ResourceState channel = live(stack, "ivs:index:Channel::creator-creator1");
            ResourceState key = live(stack, "ivs:index:StreamKey::creator-creator1-key");
            emulator.admin().startStream(channel.id());
            emulator.admin().resetRequestCounts();

            new FlagshipStack(dir, emulator.endpoint(), 1); // creator1 leaves the config
            CliRunner.Run up = stack.run("up", "--yes");

            assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
            String output = up.out() + up.err();
            assertThat(output).as("the preview warns before anything runs")
                    .contains("creator-creator1: cannot be deleted now, so none of this run's deletes will be made");
            assertThat(output).contains("channel " + channel.id() + " is live")
                    .contains("stopLiveStreams: true")
                    .contains("nothing was deleted");
            assertThat(output).doesNotContain("deleted (").doesNotContain("- 1 deleted").doesNotContain("- 2 deleted");
            assertThat(emulator.admin().requestCount("DeleteStreamKey")).as("the key is kept").isZero();
            assertThat(emulator.admin().requestCount("DeleteChannel")).isZero();
            assertThat(ivs.getStreamKey(b -> b.arn(key.id())).streamKey().channelArn()).isEqualTo(channel.id());
            assertThat(ivs.getStream(b -> b.channelArn(channel.id())).stream().channelArn()).isEqualTo(channel.id());
            assertThat(live(stack, "ivs:index:Channel::creator-creator1").id()).as("the state still holds both")
                    .isEqualTo(channel.id());
            assertThat(live(stack, "ivs:index:StreamKey::creator-creator1-key").id()).isEqualTo(key.id());

            // Once the stream is over, the same run deletes both.
            emulator.admin().stopStream(channel.id());
            CliRunner.Run next = stack.run("up", "--yes");
            assertThat(next.exitCode()).as("%s", next).isZero();
            assertThat(next.out()).contains("- 2 deleted");
            stack.assertMatchesEndpoint(ivs, 1);
        }
    }

    @Test
    void destroyOfARecordingConfiguration_thatALiveChannelStillUses_deletesNothingAndDetachesNothing() {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir, emulator.endpoint(), 1); // creator0 records
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            ResourceState channel = live(stack, "ivs:index:Channel::creator-creator0");
            ResourceState recording = live(stack, "ivs:index:RecordingConfiguration::vod-recordings");
            emulator.admin().startStream(channel.id());
            emulator.admin().resetRequestCounts();

            CliRunner.Run destroy = stack.run("destroy", "--yes", "--target", recording.urn());

            assertThat(destroy.exitCode()).as("%s", destroy).isEqualTo(1);
            assertThat(destroy.out()).contains("detaching it from channel " + channel.id())
                    .contains("is live").contains("nothing was deleted");
            assertThat(emulator.admin().requestCount("UpdateChannel")).as("not detached").isZero();
            assertThat(emulator.admin().requestCount("DeleteRecordingConfiguration")).isZero();
            assertThat(ivs.getChannel(b -> b.arn(channel.id())).channel().recordingConfigurationArn())
                    .isEqualTo(recording.id());
            assertThat(stack.state().live(recording.urn())).isPresent();
            stack.assertMatchesEndpoint(ivs, 1);
        }
    }

    private static ResourceState live(FlagshipStack stack, String typeAndName) {
        return stack.state().live(URN + typeAndName).orElseThrow();
    }
}
