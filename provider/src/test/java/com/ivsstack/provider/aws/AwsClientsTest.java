package com.ivsstack.provider.aws;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.ProviderConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients that resource code calls directly: every failure is an {@link IvsApiException}, page by page too, and
 * every call is paced under its operation's quota by the SDK interceptor, against the local endpoint with its quotas
 * on, through the real SDK.
 */
class AwsClientsTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.builder().quotasEnabled(true).build();

    private AwsClients clients;

    @AfterEach
    void tearDown() {
        clients.close();
    }

    private AwsClients connect(RateLimiter pacing, int maxRetries) {
        var config = ProviderConfig.from(Map.of("endpoint", IVS.emulator().endpoint().toString(),
                "region", IvsEmulatorExtension.REGION.id(), "maxRetries", Integer.toString(maxRetries)));
        var noMachineSettings = AwsEnvironment.of(Map.of(), Map.of(), ProfileFile.builder()
                .content(new ByteArrayInputStream(new byte[0])).type(ProfileFile.Type.CONFIGURATION).build(), false);
        clients = AwsClients.connect(config, noMachineSettings, pacing, AwsClients::patientRetries);
        return clients;
    }

    @Test
    void call_thatFails_failsWithIvsApiExceptionOfItsKind() {
        var ivs = connect(RateLimiter.unlimited(), 0).ivs();
        String missing = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234";

        assertThatThrownBy(() -> ivs.getChannel(b -> b.arn(missing)))
                .isInstanceOfSatisfying(IvsApiException.class, e -> assertThat(e.kind()).isEqualTo(IvsApiException.Kind.NOT_FOUND));
    }

    @Test
    void paginator_pageThatFails_failsWithIvsApiException() {
        var ivs = connect(RateLimiter.unlimited(), 0).ivs();
        IVS.emulator().admin().injectFault(FaultRule.error("ListChannels", "AccessDeniedException").times(1));

        assertThatThrownBy(() -> ivs.listChannelsPaginator(b -> b.maxResults(1)).stream().count())
                .isInstanceOfSatisfying(IvsApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(IvsApiException.Kind.ACCESS_DENIED));
    }

    @Test
    void pacing_callItsCallerPaced_isNotPacedAgain() throws Exception {
        var pacing = RateLimiter.underIvsQuotas();
        var ivs = connect(pacing, 0).ivs();
        var quota = OperationQuotas.of("BatchGetChannel");
        for (int i = 0; i < quota.callsPerSecond(); i++) {
            pacing.acquire(quota); // every slot of the window held, none released: a paced call would wait forever
        }
        var call = Executors.newSingleThreadExecutor().submit(() -> ivs.batchGetChannel(b -> b
                .arns("arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234")
                .overrideConfiguration(o -> o.putExecutionAttribute(QuotaPacing.PACED_BY_CALLER, true))));
        assertThat(call.get(30, TimeUnit.SECONDS).errors()).hasSize(1);
    }

    @Test
    void pacing_manyCallsOfOneOperationAtOnce_noneIsThrottled() throws Exception {
        var ivs = connect(RateLimiter.underIvsQuotas(), 0).ivs();
        String arn = IVS.ivsClient().createChannel(b -> b.name("tagged")).channel().arn();
        var admin = IVS.emulator().admin();
        admin.resetRequestCounts();
        var calls = new ArrayList<Callable<Map<String, String>>>();
        for (int i = 0; i < 25; i++) {
            calls.add(() -> ivs.listTagsForResource(b -> b.resourceArn(arn)).tags());
        }
        var pool = Executors.newFixedThreadPool(25);
        try {
            for (var call : pool.invokeAll(calls)) {
                call.get(); // maxRetries 0: a single throttled call would fail here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.requestCount("ListTagsForResource")).isEqualTo(25);
    }
}
