package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.Composition;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionState;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

class CompositionTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void startComposition_channelAndS3_startsThenActiveThenStopped(IvsClient ivs, IvsRealTimeClient rt)
            throws InterruptedException {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();
        String encoder = rt.createEncoderConfiguration(b -> { }).encoderConfiguration().arn();
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();

        Composition started = rt.startComposition(b -> b.stageArn(stage).destinations(
                d -> d.channel(c -> c.channelArn(channel).encoderConfigurationArn(encoder)),
                d -> d.s3(s -> s.storageConfigurationArn(storage).encoderConfigurationArns(encoder)))).composition();

        assertThat(started.arn()).matches("arn:aws:ivs:us-west-2:123456789012:composition/[A-Za-z0-9]{12}");
        assertThat(started.state()).isEqualTo(CompositionState.STARTING);
        assertThat(started.layout().grid().gridGap()).isEqualTo(2);
        assertThat(started.destinations()).hasSize(2);
        assertThat(started.destinations().get(1).detail().s3().recordingPrefix()).isNotBlank();
        assertThat(started.destinations().get(1).configuration().s3().recordingConfiguration()
                .hlsConfiguration().targetSegmentDurationSeconds()).isEqualTo(2);
        Thread.sleep(100);
        assertThat(rt.getComposition(b -> b.arn(started.arn())).composition().state())
                .isEqualTo(CompositionState.ACTIVE);

        rt.stopComposition(b -> b.arn(started.arn()));

        Composition stopped = rt.getComposition(b -> b.arn(started.arn())).composition();
        assertThat(stopped.state()).isEqualTo(CompositionState.STOPPED);
        assertThat(stopped.endTime()).isNotNull();
        assertThat(rt.listCompositions(b -> b.filterByEncoderConfigurationArn(encoder)).compositions())
                .extracting(CompositionSummary::arn).containsExactly(started.arn());
        rt.deleteEncoderConfiguration(b -> b.arn(encoder));
        rt.deleteStorageConfiguration(b -> b.arn(storage));
    }

    @Test
    void startComposition_sameIdempotencyToken_returnsSameComposition(IvsRealTimeClient rt, IvsClient ivs) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();
        String token = UUID.randomUUID().toString();

        String first = rt.startComposition(b -> b.stageArn(stage).idempotencyToken(token)
                .destinations(d -> d.channel(c -> c.channelArn(channel)))).composition().arn();
        String second = rt.startComposition(b -> b.stageArn(stage).idempotencyToken(token)
                .destinations(d -> d.channel(c -> c.channelArn(channel)))).composition().arn();

        assertThat(second).isEqualTo(first);
        assertThat(rt.listCompositions(b -> b.filterByStageArn(stage)).compositions()).hasSize(1);
    }

    @Test
    void startComposition_liveChannel_conflict(IvsRealTimeClient rt, IvsClient ivs) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);

        assertThatThrownBy(() -> rt.startComposition(b -> b.stageArn(stage)
                .destinations(d -> d.channel(c -> c.channelArn(channel))))).isInstanceOf(ConflictException.class);
    }

    @Test
    void startComposition_twoChannelDestinations_validationError(IvsRealTimeClient rt) {
        String channel = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";

        assertThatThrownBy(() -> rt.startComposition(b -> b
                .stageArn("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh")
                .destinations(d -> d.channel(c -> c.channelArn(channel)), d -> d.channel(c -> c.channelArn(channel)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("destinations");
    }

    @Test
    void startComposition_missingStage_notFound(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.startComposition(b -> b
                .stageArn("arn:aws:ivs:us-west-2:123456789012:stage/missingStag1")
                .destinations(d -> d.channel(c -> c.channelArn("arn:aws:ivs:us-west-2:123456789012:channel/abc")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
