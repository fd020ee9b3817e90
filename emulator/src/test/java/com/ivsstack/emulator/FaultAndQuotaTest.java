package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.TestClients;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.InternalServerException;
import software.amazon.awssdk.services.ivs.model.ThrottlingException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeException;

/** Fault injection, rate quotas and request counters, through the Java admin API. */
class FaultAndQuotaTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static IvsClient noRetries;

    @BeforeAll
    static void client() {
        noRetries = TestClients.ivsWithoutRetries(IVS.emulator());
    }

    @AfterAll
    static void close() {
        noRetries.close();
    }

    @Test
    void throttleFault_twice_sdkRetriesThroughAndCountsThreeCalls(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();
        IVS.emulator().admin().injectFault(FaultRule.throttle("GetChannel").times(2));

        assertThat(ivs.getChannel(b -> b.arn(arn)).channel().arn()).isEqualTo(arn);

        assertThat(IVS.emulator().admin().requestCount("GetChannel")).isEqualTo(3);
        assertThat(IVS.emulator().admin().faults()).isEmpty();
    }

    @Test
    void throttleFault_withoutRetries_throttlingException429() {
        IVS.emulator().admin().injectFault(FaultRule.throttle("ListChannels").times(1));

        assertThatThrownBy(() -> noRetries.listChannels(b -> { }))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        assertThat(noRetries.listChannels(b -> { }).channels()).isEmpty();
    }

    @Test
    void internalErrorFault_anyOperation_internalServerException500() {
        IVS.emulator().admin().injectFault(FaultRule.internalError(FaultRule.ANY_OPERATION));

        assertThatThrownBy(() -> noRetries.createChannel(b -> { }))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> noRetries.listChannels(b -> { })).isInstanceOf(InternalServerException.class);

        IVS.emulator().admin().clearFaults();
        assertThat(noRetries.listChannels(b -> { }).channels()).isEmpty();
    }

    @Test
    void dropConnectionFault_once_clientErrorWithoutRetriesAndSuccessWithRetries(IvsClient ivs) {
        IVS.emulator().admin().injectFault(FaultRule.dropConnection("ListChannels").times(1));
        assertThatThrownBy(() -> noRetries.listChannels(b -> { })).isInstanceOf(SdkClientException.class);

        IVS.emulator().admin().injectFault(FaultRule.dropConnection("ListChannels").times(1));
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
        assertThat(IVS.emulator().admin().requestCount("ListChannels")).isEqualTo(3);
    }

    @Test
    void latencyFault_delaysAnswerThenAnswersNormally(IvsClient ivs) {
        IVS.emulator().admin().injectFault(FaultRule.latency("ListChannels", Duration.ofMillis(300)).times(1));

        long start = System.nanoTime();
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void randomLatencyFault_delaysSomeCallsAndAnswersNormally(IvsClient ivs) {
        IVS.emulator().admin().injectFault(FaultRule.randomLatency("ListChannels", Duration.ofMillis(100)));

        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(100));
    }

    @Test
    void faultByRate_half_affectsAboutHalfOfTheCalls() {
        IVS.emulator().admin().injectFault(FaultRule.internalError("ListChannels").withRate(0.5));
        int failures = 0;
        for (int i = 0; i < 100; i++) {
            try {
                noRetries.listChannels(b -> { });
            } catch (InternalServerException e) {
                failures++;
            }
        }

        assertThat(failures).isBetween(20, 80);
    }

    @Test
    void quotas_enabled_burstAboveRecordingConfigurationTpsIsThrottled() {
        IVS.emulator().admin().setQuotasEnabled(true);
        int throttled = 0;
        int succeeded = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            try {
                noRetries.listRecordingConfigurations(b -> { });
                succeeded++;
            } catch (ThrottlingException e) {
                assertThat(e.statusCode()).isEqualTo(429);
                throttled++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(throttled).isPositive();
        assertThat(succeeded).isLessThanOrEqualTo((int) (3 * (seconds + 1)));
    }

    @Test
    void quotas_enabled_realTimeOperationsThrottledAtTheirOwnRates(IvsRealTimeClient rt) {
        String stage = rt.createStage(b -> { }).stage().arn();
        IVS.emulator().admin().setQuotasEnabled(true);
        try (IvsRealTimeClient noRealTimeRetries = TestClients.realTimeWithoutRetries(IVS.emulator())) {
            int ingestThrottled = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                try {
                    noRealTimeRetries.listIngestConfigurations(b -> { });
                } catch (IvsRealTimeException e) {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    ingestThrottled++;
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            for (int i = 0; i < 12; i++) {
                noRealTimeRetries.createParticipantToken(b -> b.stageArn(stage));
            }

            assertThat(ingestThrottled).isGreaterThanOrEqualTo(12 - (int) (5 * (seconds + 1)));
            assertThat(IVS.emulator().admin().throttledCounts()).containsKey("ListIngestConfigurations")
                    .as("CreateParticipantToken allows 50 per second").doesNotContainKey("CreateParticipantToken");
        }
    }

    @Test
    void quotas_disabledByDefault_burstIsNotThrottled() {
        for (int i = 0; i < 20; i++) {
            noRetries.listRecordingConfigurations(b -> { });
        }

        assertThat(IVS.emulator().admin().requestCount("ListRecordingConfigurations")).isEqualTo(20);
    }

    @Test
    void quotas_enabled_sdkRetriesStayWithinQuota(IvsClient ivs) {
        IVS.emulator().admin().setQuotasEnabled(true);

        for (int i = 0; i < 8; i++) {
            ivs.listChannels(b -> { });
        }

        assertThat(IVS.emulator().admin().requestCount("ListChannels")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void requestCounts_perOperation_countAndReset(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();
        ivs.getChannel(b -> b.arn(arn));
        ivs.getChannel(b -> b.arn(arn));

        assertThat(IVS.emulator().admin().requestCounts()).containsEntry("CreateChannel", 1L).containsEntry("GetChannel", 2L);

        IVS.emulator().admin().resetRequestCounts();
        assertThat(IVS.emulator().admin().requestCounts()).isEmpty();
    }

    @Test
    void reset_forgetsResources(IvsClient ivs) {
        ivs.createChannel(b -> { });

        IVS.emulator().admin().reset();

        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
        assertThat(IVS.emulator().admin().dumpState()).doesNotContain("arn:aws:ivs");
    }

    @Test
    void dumpState_containsResourcesStreamsAndBuckets(IvsClient ivs) {
        String arn = ivs.createChannel(b -> b.name("dumped")).channel().arn();
        IVS.emulator().admin().startStream(arn);
        IVS.emulator().admin().registerBucket("my-bucket", "eu-west-1");

        String state = IVS.emulator().admin().dumpState();

        assertThat(state).contains(arn).contains("\"dumped\"").contains("liveStreams").contains("eu-west-1");
    }

    @Test
    void faultRule_invalidArguments_rejectedWithReason() {
        assertThatThrownBy(() -> FaultRule.throttle("GetChannel").times(0)).hasMessageContaining("count");
        assertThatThrownBy(() -> FaultRule.throttle("GetChannel").withRate(1.5)).hasMessageContaining("rate");
        assertThatThrownBy(() -> FaultRule.latency("GetChannel", Duration.ofMillis(-1))).hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultRule.error("GetChannel", "")).hasMessageContaining("error code");
    }
}
