package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.support.TestClients;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;

/** With a data file, what one emulator run created is there in the next, on another port. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void dataFile_restart_keepsResourcesTagsStreamsAndBuckets() {
        Path data = dir.resolve("state").resolve("ivs.json");
        CreateChannelResponse created;
        String recording;
        try (IvsEmulator first = IvsEmulator.builder().dataFile(data)
                .recordingConfigurationActivationDelay(java.time.Duration.ZERO).build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(first)) {
            recording = ivs.createRecordingConfiguration(b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("bkt"))))
                    .recordingConfiguration().arn();
            created = ivs.createChannel(b -> b.name("kept").recordingConfigurationArn(recording));
            ivs.tagResource(b -> b.resourceArn(created.channel().arn()).tags(Map.of("k", "v")));
            first.admin().startStream(created.channel().arn());
            first.admin().registerBucket("bkt", "us-west-2");
        }
        assertThat(data).exists();
        try (IvsEmulator second = IvsEmulator.builder().dataFile(data).build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(second)) {
            Channel channel = ivs.getChannel(b -> b.arn(created.channel().arn())).channel();

            assertThat(channel.name()).isEqualTo("kept");
            assertThat(channel.tags()).containsEntry("k", "v");
            assertThat(channel.srt().passphrase()).isEqualTo(created.channel().srt().passphrase());
            assertThat(ivs.getStreamKey(b -> b.arn(created.streamKey().arn())).streamKey().value())
                    .isEqualTo(created.streamKey().value());
            assertThat(ivs.getStream(b -> b.channelArn(channel.arn())).stream().streamId()).startsWith("st-");
            assertThat(ivs.getRecordingConfiguration(b -> b.arn(recording)).recordingConfiguration().state())
                    .isEqualTo(RecordingConfigurationState.ACTIVE);
            assertThat(second.admin().dumpState()).contains("\"bkt\" : \"us-west-2\"");
            // new resources continue the creation order after the restored ones
            String later = ivs.createChannel(b -> { }).channel().arn();
            assertThat(ivs.listChannels(b -> { }).channels()).extracting(c -> c.arn())
                    .containsExactly(channel.arn(), later);
        }
    }

    @Test
    void dataFile_restart_keepsIngestConfigurationsStagesSessionsAndParticipants() {
        Path data = dir.resolve("realtime.json");
        IngestConfiguration ingest;
        String stage;
        String session;
        try (IvsEmulator first = IvsEmulator.builder().dataFile(data).build().start();
             IvsRealTimeClient rt = TestClients.realTimeWithoutRetries(first)) {
            stage = rt.createStage(b -> b.name("kept")).stage().arn();
            ingest = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS)
                    .tags(Map.of("k", "v"))).ingestConfiguration();
            first.admin().startPublishing(ingest.arn());
            session = rt.getStage(b -> b.arn(stage)).stage().activeSessionId();
        }
        try (IvsEmulator second = IvsEmulator.builder().dataFile(data).build().start();
             IvsRealTimeClient rt = TestClients.realTimeWithoutRetries(second)) {
            IngestConfiguration restored = rt.getIngestConfiguration(b -> b.arn(ingest.arn())).ingestConfiguration();

            assertThat(restored.streamKey()).isEqualTo(ingest.streamKey());
            assertThat(restored.state()).isEqualTo(IngestConfigurationState.ACTIVE);
            assertThat(restored.tags()).containsEntry("k", "v");
            assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isEqualTo(session);
            assertThat(rt.listParticipants(b -> b.stageArn(stage).sessionId(session)).participants())
                    .extracting(p -> p.participantId()).containsExactly(ingest.participantId());

            second.admin().stopPublishing(ingest.arn());
            assertThat(rt.getStageSession(b -> b.stageArn(stage).sessionId(session)).stageSession().endTime())
                    .isNotNull();
        }
    }

    @Test
    void dataFile_afterChanges_noTemporaryFilesLeftBehind() throws Exception {
        Path data = dir.resolve("ivs.json");
        try (IvsEmulator emulator = IvsEmulator.builder().dataFile(data).build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            for (int i = 0; i < 5; i++) {
                ivs.createChannel(b -> { });
            }
        }

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ivs.json");
        }
    }

    @Test
    void dataFile_reset_isPersistedToo() {
        Path data = dir.resolve("ivs.json");
        try (IvsEmulator emulator = IvsEmulator.builder().dataFile(data).build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            ivs.createChannel(b -> { });
            emulator.admin().reset();
        }
        try (IvsEmulator emulator = IvsEmulator.builder().dataFile(data).build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
        }
    }

    @Test
    void dataFile_corrupt_failsWithFileNameAndFix() throws Exception {
        Path data = dir.resolve("ivs.json");
        Files.writeString(data, "{not json");

        assertThatThrownBy(() -> IvsEmulator.builder().dataFile(data).build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(data.getFileName().toString())
                .hasMessageContaining("delete the file");
    }
}
