package com.ivsstack.provider.aws;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.api.MissingConfigurationException;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The provider's door to AWS for one configuration: the IVS and IVS RealTime clients ({@link AwsClients}: paced,
 * retried, failing with {@link IvsApiException}), the channel and stream key reads ({@link ChannelReads}), the
 * waiters ({@link IvsWaiters}) and tags across both services ({@link Tagging}). Resource code calls the clients
 * directly. Thread-safe.
 */
public final class IvsApi implements AutoCloseable {

    /**
     * How the provider reaches AWS: the pacing of the clients, their retry strategy for the configured maxRetries (a
     * function that returns null keeps the SDK's default), the reads of channels and stream keys, and the first
     * interval of waiter polls. A null setting is the default: paced under the IVS quotas, retried patiently
     * ({@link AwsClients#patientRetries}), reads coalesced into batch calls, polls from 250 ms. The defaults are
     * resolved at connect, so that building a provider loads none of the AWS classes.
     */
    public record Settings(RateLimiter pacing, IntFunction<RetryStrategy> retries,
                           Function<AwsClients, ChannelReads> reads, Duration pollInterval) {

        private Settings withDefaults() {
            return new Settings(pacing != null ? pacing : RateLimiter.underIvsQuotas(),
                    retries != null ? retries : AwsClients::patientRetries,
                    reads != null ? reads : CoalescedReads::new,
                    pollInterval != null ? pollInterval : Duration.ofMillis(250));
        }
    }

    private final AwsClients clients;
    private final ChannelReads reads;
    private final IvsWaiters waiters;
    private final Tagging tags;

    private IvsApi(AwsClients clients, Settings settings) {
        this.clients = clients;
        this.reads = settings.reads().apply(clients);
        this.waiters = new IvsWaiters(clients, settings.pollInterval());
        this.tags = new Tagging(clients);
    }

    /**
     * Connects to AWS for a configuration (see {@link AwsClients#connect}).
     *
     * @throws MissingConfigurationException naming every missing key
     */
    public static IvsApi connect(ProviderConfig config, AwsEnvironment environment, Settings settings) {
        var resolved = settings.withDefaults();
        return new IvsApi(AwsClients.connect(config, environment, resolved.pacing(), resolved.retries()), resolved);
    }

    public IvsClient ivs() {
        return clients.ivs();
    }

    public IvsRealTimeClient realTime() {
        return clients.realTime();
    }

    public String region() {
        return clients.region();
    }

    /** Channels and stream keys by ARN, read together with concurrent reads. */
    public ChannelReads reads() {
        return reads;
    }

    public IvsWaiters waiters() {
        return waiters;
    }

    public Tagging tags() {
        return tags;
    }

    /** The user asked to stop: waiters give up at their next poll instead of waiting out their timeout. */
    public void cancel() {
        waiters.cancel();
    }

    @Override
    public void close() {
        reads.close();
        clients.close();
    }
}
