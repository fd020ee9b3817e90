package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.BatchStartViewerSessionRevocationResponse;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ValidationException;

class ViewerSessionRevocationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final String MISSING = "arn:aws:ivs:us-west-2:123456789012:channel/missingChan1";

    @Test
    void startViewerSessionRevocation_existingChannel_accepted(IvsClient ivs) {
        String channel = ivs.createChannel(b -> b.authorized(true)).channel().arn();

        ivs.startViewerSessionRevocation(b -> b.channelArn(channel).viewerId("viewer-1")
                .viewerSessionVersionsLessThanOrEqualTo(3));

        assertThat(IVS.emulator().admin().requestCount("StartViewerSessionRevocation")).isEqualTo(1);
    }

    @Test
    void startViewerSessionRevocation_missingChannel_notFound(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.startViewerSessionRevocation(b -> b.channelArn(MISSING).viewerId("v")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void startViewerSessionRevocation_viewerIdTooLong_validationError(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.startViewerSessionRevocation(b -> b.channelArn(MISSING).viewerId("v".repeat(41))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("viewerId");
    }

    @Test
    void batchStartViewerSessionRevocation_mixed_reportsMissingChannelsOnly(IvsClient ivs) {
        String channel = ivs.createChannel(b -> { }).channel().arn();

        BatchStartViewerSessionRevocationResponse response = ivs.batchStartViewerSessionRevocation(b -> b.viewerSessions(
                s -> s.channelArn(channel).viewerId("a"), s -> s.channelArn(MISSING).viewerId("b")));

        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.channelArn()).isEqualTo(MISSING);
            assertThat(e.viewerId()).isEqualTo("b");
            assertThat(e.code()).isEqualTo("404");
        });
    }
}
