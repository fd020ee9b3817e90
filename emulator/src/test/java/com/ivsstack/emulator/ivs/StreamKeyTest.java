package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.BatchGetStreamKeyResponse;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivs.model.StreamKey;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

class StreamKeyTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void createStreamKey_channelAlreadyHasKey_serviceQuotaExceeded(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.createStreamKey(b -> b.channelArn(channel)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(402));
    }

    @Test
    void createStreamKey_afterDeletingTheKey_createsNewValue(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });
        ivs.deleteStreamKey(b -> b.arn(created.streamKey().arn()));

        StreamKey key = ivs.createStreamKey(b -> b.channelArn(created.channel().arn()).tags(Map.of("k", "v")))
                .streamKey();

        assertThat(key.arn()).isNotEqualTo(created.streamKey().arn());
        assertThat(key.value()).isNotEqualTo(created.streamKey().value()).startsWith("sk_us-west-2_");
        assertThat(key.tags()).containsEntry("k", "v");
        assertThat(ivs.getStreamKey(b -> b.arn(key.arn())).streamKey()).isEqualTo(key);
    }

    @Test
    void createStreamKey_missingChannel_notFound(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.createStreamKey(b -> b.channelArn(
                "arn:aws:ivs:us-west-2:123456789012:channel/missingChan1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void batchGetStreamKey_existingAndMissing_returnsKeysWithValuesAndErrors(IvsClient ivs) {
        StreamKey key = ivs.createChannel(b -> { }).streamKey();
        String missing = "arn:aws:ivs:us-west-2:123456789012:stream-key/missingKey01";

        BatchGetStreamKeyResponse response = ivs.batchGetStreamKey(b -> b.arns(key.arn(), missing));

        assertThat(response.streamKeys()).containsExactly(key);
        assertThat(response.errors()).singleElement().satisfies(e -> assertThat(e.arn()).isEqualTo(missing));
    }

    @Test
    void listStreamKeys_channel_returnsSummaryWithoutValue(IvsClient ivs) {
        CreateChannelResponse created = ivs.createChannel(b -> { });
        ivs.createChannel(b -> { });

        var keys = ivs.listStreamKeys(b -> b.channelArn(created.channel().arn())).streamKeys();

        assertThat(keys).extracting(StreamKeySummary::arn).containsExactly(created.streamKey().arn());
        assertThat(keys.get(0).sdkFields()).extracting(f -> f.memberName()).doesNotContain("value");
    }

    @Test
    void listStreamKeys_missingChannel_notFound(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.listStreamKeys(b -> b.channelArn(
                "arn:aws:ivs:us-west-2:123456789012:channel/missingChan1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
