package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.Composition;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionState;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.PipBehavior;
import software.amazon.awssdk.services.ivsrealtime.model.PipConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.PipPosition;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.S3DestinationConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.ThumbnailStorageType;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;
import software.amazon.awssdk.services.ivsrealtime.model.VideoAspectRatio;
import software.amazon.awssdk.services.ivsrealtime.model.VideoFillMode;

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
    void startComposition_pipLayout_answersOnlyThePipWithItsDefaults(IvsClient ivs, IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();

        Composition started = rt.startComposition(b -> b.stageArn(stage)
                .layout(l -> l.pip(p -> p.featuredParticipantAttribute("host")))
                .destinations(d -> d.channel(c -> c.channelArn(channel)))).composition();

        for (Composition composition : List.of(started, rt.getComposition(b -> b.arn(started.arn())).composition())) {
            assertThat(composition.layout().grid()).as("no default grid beside the pip").isNull();
            PipConfiguration pip = composition.layout().pip();
            assertThat(pip.featuredParticipantAttribute()).isEqualTo("host");
            assertThat(pip.pipPosition()).isEqualTo(PipPosition.BOTTOM_RIGHT);
            assertThat(pip.pipBehavior()).isEqualTo(PipBehavior.STATIC);
            assertThat(pip.videoFillMode()).isEqualTo(VideoFillMode.COVER);
            assertThat(pip.gridGap()).isZero();
            assertThat(pip.pipWidth()).as("a quarter of the default 1280x720 composition").isEqualTo(320);
            assertThat(pip.pipHeight()).as("16:9").isEqualTo(180);
        }
    }

    @Test
    void startComposition_pipWidthGivenOnLargerEncoder_heightFollowsTheGivenWidth(IvsClient ivs, IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();
        String encoder = rt.createEncoderConfiguration(b -> b.video(v -> v.width(1920).height(1080)))
                .encoderConfiguration().arn();
        String otherChannel = ivs.createChannel(b -> { }).channel().arn();

        PipConfiguration given = rt.startComposition(b -> b.stageArn(stage).layout(l -> l.pip(p -> p.pipWidth(400)))
                .destinations(d -> d.channel(c -> c.channelArn(channel).encoderConfigurationArn(encoder))))
                .composition().layout().pip();
        PipConfiguration derived = rt.startComposition(b -> b.stageArn(stage).layout(l -> l.pip(p -> { }))
                .destinations(d -> d.channel(c -> c.channelArn(otherChannel).encoderConfigurationArn(encoder))))
                .composition().layout().pip();

        assertThat(given.pipWidth()).isEqualTo(400);
        assertThat(given.pipHeight()).isEqualTo(225);
        assertThat(derived.pipWidth()).as("a quarter of 1920").isEqualTo(480);
        assertThat(derived.pipHeight()).isEqualTo(270);
    }

    @Test
    void startComposition_gridLayoutOrNone_answersOnlyTheGrid(IvsClient ivs, IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String channel = ivs.createChannel(b -> { }).channel().arn();

        Composition composition = rt.startComposition(b -> b.stageArn(stage).layout(l -> l.grid(g -> g.gridGap(8)))
                .destinations(d -> d.channel(c -> c.channelArn(channel)))).composition();

        assertThat(composition.layout().pip()).isNull();
        assertThat(composition.layout().grid().gridGap()).isEqualTo(8);
        assertThat(composition.layout().grid().videoAspectRatio()).isEqualTo(VideoAspectRatio.VIDEO);
    }

    @Test
    void startComposition_s3WithoutThumbnails_answersTheDefaultThumbnailConfiguration(IvsRealTimeClient rt) {
        String arn = startS3Composition(rt, s3 -> { }).arn();

        S3DestinationConfiguration s3 = rt.getComposition(b -> b.arn(arn)).composition().destinations().get(0)
                .configuration().s3();

        assertThat(s3.thumbnailConfigurations()).singleElement().satisfies(t -> {
            assertThat(t.targetIntervalSeconds()).isEqualTo(60);
            assertThat(t.storage()).containsExactly(ThumbnailStorageType.SEQUENTIAL);
        });
    }

    @Test
    void startComposition_s3ThumbnailIntervalOnly_storageDefaultsToSequential(IvsRealTimeClient rt) {
        S3DestinationConfiguration s3 = startS3Composition(rt, d -> d.thumbnailConfigurations(
                t -> t.targetIntervalSeconds(10))).destinations().get(0).configuration().s3();

        assertThat(s3.thumbnailConfigurations()).singleElement().satisfies(t -> {
            assertThat(t.targetIntervalSeconds()).isEqualTo(10);
            assertThat(t.storage()).containsExactly(ThumbnailStorageType.SEQUENTIAL);
        });
    }

    /** Starts a composition recording a new stage to S3, with the destination's settings that {@code s3} adds. */
    private static Composition startS3Composition(IvsRealTimeClient rt, Consumer<S3DestinationConfiguration.Builder> s3) {
        String stage = rt.createStage(b -> { }).stage().arn();
        String encoder = rt.createEncoderConfiguration(b -> { }).encoderConfiguration().arn();
        String storage = rt.createStorageConfiguration(b -> b.s3(s -> s.bucketName("recordings")))
                .storageConfiguration().arn();
        return rt.startComposition(b -> b.stageArn(stage).destinations(d -> d.s3(destination -> s3.accept(
                destination.storageConfigurationArn(storage).encoderConfigurationArns(encoder))))).composition();
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
