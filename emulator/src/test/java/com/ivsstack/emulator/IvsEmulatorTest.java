package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.support.TestClients;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;

class IvsEmulatorTest {

    @Test
    void builder_badOptions_rejectedWithTheRule() {
        assertThatThrownBy(() -> IvsEmulator.builder().port(70000)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> IvsEmulator.builder().accountId("12345")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> IvsEmulator.builder().recordingConfigurationActivationDelay(Duration.ofSeconds(-1)))
                .hasMessageContaining("zero or positive");
    }

    @Test
    void start_portInUse_failsNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IvsEmulator emulator = IvsEmulator.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(emulator::start).hasMessageContaining(":" + taken.getLocalPort());
        }
    }

    @Test
    void port_beforeStart_clearError() {
        assertThatThrownBy(() -> IvsEmulator.builder().build().port()).hasMessageContaining("start()");
    }

    @Test
    void endpoint_afterStart_isLoopbackWithBoundPort() {
        try (IvsEmulator emulator = IvsEmulator.builder().build().start()) {
            assertThat(emulator.endpoint().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
            assertThat(emulator.port()).isPositive();
        }
    }

    @Test
    void setActivationDelay_zero_newRecordingConfigurationsAreActiveAtOnce() {
        try (IvsEmulator emulator = IvsEmulator.builder().build().start();
             IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            emulator.setActivationDelay(Duration.ZERO);

            assertThat(ivs.createRecordingConfiguration(b -> b.destinationConfiguration(d -> d.s3(s -> s.bucketName("bkt"))))
                    .recordingConfiguration().state()).isEqualTo(RecordingConfigurationState.ACTIVE);
        }
    }

    @Test
    void close_thenStartAgain_servesTheSameState() {
        IvsEmulator emulator = IvsEmulator.builder().build().start();
        String arn;
        try (IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            arn = ivs.createChannel(b -> { }).channel().arn();
        }
        emulator.close();

        emulator.start();
        try (IvsClient ivs = TestClients.ivsWithoutRetries(emulator)) {
            assertThat(ivs.getChannel(b -> b.arn(arn)).channel().arn()).isEqualTo(arn);
        } finally {
            emulator.close();
        }
    }
}
