package com.ivsstack.provider.aws;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.resource.ChannelResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling, 5xx and dropped connections are retried by the SDK's retry strategy as the provider tunes it. */
class FaultToleranceTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private Map<String, Object> createChannel(String maxRetries) {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("maxRetries", maxRetries));
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        String urn = TestProviders.urn(ChannelResource.TOKEN, "faulty");
        var inputs = channel.check(new CheckRequest(urn, Map.of(), Map.of("name", "faulty"))).inputs();
        var created = channel.create(new CreateRequest(urn, inputs, null, false));
        return created.outputs();
    }

    @Test
    void create_throttledThreeTimes_retriesAndSucceeds() {
        IVS.emulator().admin().injectFault(FaultRule.throttle("CreateChannel").times(3));
        assertThat(createChannel("5")).containsKey("arn");
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(4);
    }

    @Test
    void create_internalErrorsTwice_retriesAndSucceeds() {
        IVS.emulator().admin().injectFault(FaultRule.internalError("CreateChannel").times(2));
        assertThat(createChannel("5")).containsKey("arn");
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(3);
    }

    @Test
    void read_droppedConnection_retriesAndSucceeds() {
        var outputs = createChannel("5");
        IVS.emulator().admin().injectFault(FaultRule.dropConnection("BatchGetChannel").times(1));
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        String arn = (String) outputs.get("arn");
        var read = channel.read(new ReadRequest(arn, TestProviders.urn(ChannelResource.TOKEN, "faulty"), Map.of(), outputs));
        assertThat(read.id()).isEqualTo(arn);
    }

    @Test
    void create_throttledBeyondMaxRetries_failsWithClearMessage() {
        IVS.emulator().admin().injectFault(FaultRule.throttle("CreateChannel").times(10));
        assertThatThrownBy(() -> createChannel("1"))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("creating IVS Channel (faulty): ")
                .hasMessageContaining("raise the provider's maxRetries");
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(2);
    }

    @Test
    void create_failsWithoutIvsName_messageNamesTheProgramResource() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("maxRetries", "0"));
        IVS.emulator().admin().injectFault(FaultRule.internalError("CreateChannel").times(1));
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        String urn = TestProviders.urn(ChannelResource.TOKEN, "nameless");
        var inputs = channel.check(new CheckRequest(urn, Map.of(), Map.of())).inputs();
        assertThatThrownBy(() -> channel.create(new CreateRequest(urn, inputs, null, false)))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("creating IVS Channel (nameless): ")
                .hasMessageContaining("try again later");
    }
}
