package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.Stream;
import software.amazon.awssdk.services.ivs.model.StreamHealth;
import software.amazon.awssdk.services.ivs.model.StreamSession;
import software.amazon.awssdk.services.ivs.model.StreamState;
import software.amazon.awssdk.services.ivs.model.StreamSummary;
import software.amazon.awssdk.services.ivs.model.ValidationException;

class StreamTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void getStream_channelNotLive_channelNotBroadcasting(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.getStream(b -> b.channelArn(channel)))
                .isInstanceOfSatisfying(ChannelNotBroadcastingException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void getStream_missingChannel_resourceNotFound(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.getStream(b -> b.channelArn("arn:aws:ivs:us-west-2:123456789012:channel/missingChan1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void getStream_afterAdminStart_returnsLiveStream(IvsClient ivs) {
        Channel channel = ivs.createChannel(b -> { }).channel();
        IVS.emulator().admin().startStream(channel.arn());

        Stream stream = ivs.getStream(b -> b.channelArn(channel.arn())).stream();

        assertThat(stream.channelArn()).isEqualTo(channel.arn());
        assertThat(stream.state()).isEqualTo(StreamState.LIVE);
        assertThat(stream.health()).isEqualTo(StreamHealth.HEALTHY);
        assertThat(stream.playbackUrl()).isEqualTo(channel.playbackUrl());
        assertThat(stream.streamId()).matches("st-[A-Za-z0-9]{23}");
        assertThat(stream.startTime()).isBefore(Instant.now().plusSeconds(1));
        assertThat(stream.viewerCount()).isZero();
    }

    @Test
    void listStreams_healthFilter_returnsMatchingLiveStreams(IvsClient ivs) {
        String healthy = ivs.createChannel(b -> { }).channel().arn();
        String starving = ivs.createChannel(b -> { }).channel().arn();
        ivs.createChannel(b -> { });
        IVS.emulator().admin().startStream(healthy);
        IVS.emulator().admin().startStream(starving, "STARVING");

        assertThat(ivs.listStreams(b -> { }).streams()).extracting(StreamSummary::channelArn)
                .containsExactly(healthy, starving);
        assertThat(ivs.listStreams(b -> b.filterBy(f -> f.health(StreamHealth.STARVING))).streams())
                .extracting(StreamSummary::channelArn).containsExactly(starving);
    }

    @Test
    void stopStream_liveChannel_endsStreamAndSession(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);
        String streamId = ivs.getStream(b -> b.channelArn(channel)).stream().streamId();

        ivs.stopStream(b -> b.channelArn(channel));

        assertThatThrownBy(() -> ivs.getStream(b -> b.channelArn(channel)))
                .isInstanceOf(ChannelNotBroadcastingException.class);
        StreamSession session = ivs.getStreamSession(b -> b.channelArn(channel).streamId(streamId)).streamSession();
        assertThat(session.endTime()).isNotNull();
        assertThat(session.channel().arn()).isEqualTo(channel);
        assertThat(session.truncatedEvents()).extracting(e -> e.name()).containsExactly("Session Ended", "Session Created");
        ivs.deleteChannel(b -> b.arn(channel));
    }

    @Test
    void getStreamSession_events_carryTheirCodeEmptyWhenNoErrorDetail(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);
        IVS.emulator().admin().stopStream(channel);

        StreamSession session = ivs.getStreamSession(b -> b.channelArn(channel)).streamSession();

        assertThat(session.truncatedEvents()).hasSize(2).allSatisfy(e -> assertThat(e.code()).isNotNull().isEmpty());
    }

    @Test
    void stopStream_notLive_channelNotBroadcasting(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.stopStream(b -> b.channelArn(channel)))
                .isInstanceOf(ChannelNotBroadcastingException.class);
    }

    @Test
    void putMetadata_liveChannel_accepted(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);

        ivs.putMetadata(b -> b.channelArn(channel).metadata("{\"question\":\"A or B?\"}"));

        assertThat(IVS.emulator().admin().requestCount("PutMetadata")).isEqualTo(1);
    }

    @Test
    void putMetadata_notLive_channelNotBroadcasting(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.putMetadata(b -> b.channelArn(channel).metadata("x")))
                .isInstanceOf(ChannelNotBroadcastingException.class);
    }

    @Test
    void putMetadata_over1Kilobyte_validationError(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);

        assertThatThrownBy(() -> ivs.putMetadata(b -> b.channelArn(channel).metadata("x".repeat(1025))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("metadata");
    }

    @Test
    void getStreamSession_noStreamId_returnsLatest(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().startStream(channel);
        IVS.emulator().admin().stopStream(channel);
        IVS.emulator().admin().startStream(channel);
        String live = ivs.getStream(b -> b.channelArn(channel)).stream().streamId();

        StreamSession latest = ivs.getStreamSession(b -> b.channelArn(channel)).streamSession();

        assertThat(latest.streamId()).isEqualTo(live);
        assertThat(latest.endTime()).isNull();
        assertThat(latest.ingestConfiguration().video().videoWidth()).isEqualTo(1920L);
        assertThat(ivs.listStreamSessions(b -> b.channelArn(channel)).streamSessions())
                .hasSize(2).first().satisfies(s -> assertThat(s.streamId()).isEqualTo(live));
    }

    @Test
    void getStreamSession_neverLive_notFound(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.getStreamSession(b -> b.channelArn(channel)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
