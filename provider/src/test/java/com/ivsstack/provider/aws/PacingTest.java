package com.ivsstack.provider.aws;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.resource.ChannelResource;
import com.ivsstack.provider.resource.IngestConfigurationResource;
import com.ivsstack.provider.resource.PublicKeyResource;
import com.ivsstack.provider.resource.StageResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** With the endpoint enforcing the IVS rate quotas, paced calls never get throttled. */
class PacingTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.builder().quotasEnabled(true).build();

    private IvsProvider provider;

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void create_twelveChannelsAtOnceUnderQuotas_noCallIsThrottled() throws Exception {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("maxRetries", "0"),
                RateLimiter.underIvsQuotas());
        var channel = provider.resource(ChannelResource.TOKEN).orElseThrow();
        var tasks = new ArrayList<Callable<CreateResult>>();
        for (int i = 0; i < 12; i++) {
            String urn = TestProviders.urn(ChannelResource.TOKEN, "paced" + i);
            tasks.add(() -> channel.create(new CreateRequest(urn,
                    channel.check(new CheckRequest(urn, Map.of(), Map.of("name", "paced"))).inputs(), null, false)));
        }
        var pool = Executors.newFixedThreadPool(12);
        try {
            for (var future : pool.invokeAll(tasks)) {
                assertThat(future.get().id()).startsWith("arn:aws:ivs:");
            }
        } finally {
            pool.shutdownNow();
        }
        // maxRetries 0: a single 429 would have failed a create; every create went through on its first attempt
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(12);
    }

    @Test
    void create_twelveStagesAndTheirIngestConfigurationsAtOnceUnderQuotas_noCallIsThrottled() throws Exception {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("maxRetries", "0"),
                RateLimiter.underIvsQuotas());
        var stages = createAll(StageResource.TOKEN, i -> Map.of("name", "paced" + i));
        var ingest = createAll(IngestConfigurationResource.TOKEN, i -> Map.of("stageArn", stages.get(i)));

        assertThat(ingest).hasSize(12).allSatisfy(arn -> assertThat(arn).contains(":ingest-configuration/"));
        assertThat(IVS.emulator().admin().requestCount("CreateStage")).isEqualTo(12);
        assertThat(IVS.emulator().admin().requestCount("CreateIngestConfiguration")).isEqualTo(12);
        assertThat(IVS.emulator().admin().throttledCounts()).isEmpty();
    }

    /**
     * A refresh reads every resource at once (the engine's parallel reads): twelve stages, their twelve ingest
     * configurations and three public keys (the region's quota), each read once, within GetStage's and
     * GetIngestConfiguration's 5 and GetPublicKey's 3 calls per second.
     */
    @Test
    void refresh_twelveStagesTheirIngestConfigurationsAndThreePublicKeysAtOnceUnderQuotas_noCallIsThrottled() throws Exception {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("maxRetries", "0"),
                RateLimiter.underIvsQuotas());
        IVS.emulator().admin().setQuotasEnabled(false); // what is refreshed is made at full speed
        var created = new ArrayList<ReadRequest>();
        var types = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            var stage = createOne(StageResource.TOKEN, "stage" + i, Map.of("name", "refreshed" + i));
            created.add(stage);
            types.add(StageResource.TOKEN);
            created.add(createOne(IngestConfigurationResource.TOKEN, "encoder" + i, Map.of("stageArn", stage.id())));
            types.add(IngestConfigurationResource.TOKEN);
        }
        for (int i = 0; i < 3; i++) {
            created.add(createOne(PublicKeyResource.TOKEN, "key" + i, Map.of("publicKeyMaterial", TestKeys.ecdsaPublicKeyPem())));
            types.add(PublicKeyResource.TOKEN);
        }
        IVS.emulator().admin().setQuotasEnabled(true);
        IVS.emulator().admin().resetRequestCounts();

        var reads = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < created.size(); i++) {
            var type = provider.resource(types.get(i)).orElseThrow();
            var request = created.get(i);
            reads.add(() -> type.read(request).id() != null);
        }
        var pool = Executors.newFixedThreadPool(12);
        try {
            for (var future : pool.invokeAll(reads)) {
                assertThat(future.get()).as("read back").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(IVS.emulator().admin().throttledCounts()).isEmpty();
        assertThat(IVS.emulator().admin().requestCounts())
                .isEqualTo(Map.of("GetStage", 12L, "GetIngestConfiguration", 12L, "GetPublicKey", 3L));
    }

    /** Creates one resource; what a refresh of it is asked. */
    private ReadRequest createOne(String token, String name, Map<String, Object> declared) {
        var type = provider.resource(token).orElseThrow();
        String urn = TestProviders.urn(token, name);
        var inputs = type.check(new CheckRequest(urn, Map.of(), declared)).inputs();
        var result = type.create(new CreateRequest(urn, inputs, null, false));
        return new ReadRequest(result.id(), urn, inputs, result.outputs());
    }

    /** Creates twelve resources of a type at once, from twelve threads; their ARNs in order. */
    private List<String> createAll(String token, IntFunction<Map<String, Object>> inputs) throws Exception {
        var type = provider.resource(token).orElseThrow();
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 12; i++) {
            String urn = TestProviders.urn(token, "paced" + i);
            var declared = inputs.apply(i);
            tasks.add(() -> type.create(new CreateRequest(urn, type.check(new CheckRequest(urn, Map.of(), declared)).inputs(),
                    null, false)).id());
        }
        var pool = Executors.newFixedThreadPool(12);
        try {
            var arns = new ArrayList<String>();
            for (var future : pool.invokeAll(tasks)) {
                arns.add(future.get());
            }
            return arns;
        } finally {
            pool.shutdownNow();
        }
    }
}
