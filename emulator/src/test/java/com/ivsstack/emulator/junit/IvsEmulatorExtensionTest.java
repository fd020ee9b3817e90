package com.ivsstack.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.IvsEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

class IvsEmulatorExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ResetBetweenTests {
        @RegisterExtension
        static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

        @Test
        @Order(1)
        void first_createsChannel(IvsClient ivs) {
            ivs.createChannel(b -> { });
            assertThat(ivs.listChannels(b -> { }).channels()).hasSize(1);
        }

        @Test
        @Order(2)
        void second_startsEmpty(IvsClient ivs, IvsRealTimeClient rt, IvsEmulator emulator, EmulatorAdmin admin) {
            assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
            assertThat(rt.listStages(b -> { }).stages()).isEmpty();
            assertThat(emulator).isSameAs(IVS.emulator());
            assertThat(admin).isSameAs(emulator.admin()).isSameAs(IVS.admin());
            assertThat(IVS.ivsClient()).isSameAs(ivs);
            assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class KeepStateBetweenTests {
        @RegisterExtension
        static final IvsEmulatorExtension IVS = IvsEmulatorExtension.builder().resetBetweenTests(false)
                .accountId("210987654321").build();

        @Test
        @Order(1)
        void first_createsChannel() {
            assertThat(IVS.ivsClient().createChannel(b -> { }).channel().arn()).contains(":210987654321:");
        }

        @Test
        @Order(2)
        void second_seesIt() {
            assertThat(IVS.ivsClient().listChannels(b -> { }).channels()).hasSize(1);
        }
    }

    @Nested
    class InstanceField {
        @RegisterExtension
        final IvsEmulatorExtension ivs = IvsEmulatorExtension.create();

        @Test
        void instanceExtension_startsForTheTest() {
            assertThat(ivs.ivsClient().listChannels(b -> { }).channels()).isEmpty();
        }
    }

    @Nested
    @ExtendWith(IvsEmulatorExtension.class)
    class DeclarativeRegistration {
        @Test
        void parameters_resolved(IvsClient ivs, IvsEmulator emulator) {
            assertThat(ivs.createChannel(b -> { }).channel().arn()).contains(":" + emulator.accountId() + ":");
        }
    }
}
