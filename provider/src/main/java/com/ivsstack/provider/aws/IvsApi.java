package com.ivsstack.provider.aws;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.api.MissingConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.BatchError;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.GetRecordingConfigurationResponse;
import software.amazon.awssdk.services.ivs.model.GetStreamResponse;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.StreamKey;
import software.amazon.awssdk.services.ivs.model.StreamState;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The provider's door to AWS: builds the IVS and IVS RealTime clients (the only place that does), paces every call
 * under the IVS quotas, retries throttling, 5xx and dropped connections with the SDK's retry strategy, coalesces
 * channel and stream key reads into batch calls, waits with the SDK's waiters, and maps SDK exceptions to
 * {@link IvsApiException}. Thread-safe.
 */
public final class IvsApi implements AutoCloseable {

    /** BatchGetChannel and BatchGetStreamKey take at most 50 ARNs. */
    public static final int MAX_BATCH = 50;
    /**
     * A lone read leaves 5 ms after it arrived; the reads of a refresh fill whole batches while they keep coming
     * (they reach the plugin with pauses of up to a few hundred milliseconds, measured); no read waits more than
     * 500 ms for others.
     */
    private static final BatchCoalescer.Debounce READ_DEBOUNCE = new BatchCoalescer.Debounce(
            Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofMillis(500));
    private static final String DEFAULT_LOCAL_REGION = "us-east-1";

    private final LazyClients clients;
    private final RateLimiter rateLimiter;
    private final String region;
    private final CallStrategy strategy;
    private final BatchCoalescer<Channel> channels;
    private final BatchCoalescer<StreamKey> streamKeys;
    private volatile Duration pollInterval = Duration.ofMillis(250);
    private volatile boolean cancelled;

    IvsApi(LazyClients clients, RateLimiter rateLimiter, String region, CallStrategy strategy) {
        this.clients = clients;
        this.rateLimiter = rateLimiter;
        this.region = region;
        this.strategy = strategy;
        this.channels = new BatchCoalescer<>("channel", MAX_BATCH, READ_DEBOUNCE,
                pacedAs(OperationFamily.CHANNEL, "BatchGetChannel"), this::batchGetChannels);
        this.streamKeys = new BatchCoalescer<>("stream-key", MAX_BATCH, READ_DEBOUNCE,
                pacedAs(OperationFamily.STREAM_KEY, "BatchGetStreamKey"), this::batchGetStreamKeys);
    }

    /**
     * Builds the clients for a configuration: region from the config or the AWS environment and profile chain;
     * credentials static, from a profile, or the default chain; a loopback endpoint without credentials gets dummy
     * credentials (the local endpoint ignores signatures) and region us-east-1 when none is found.
     *
     * @param awsEnvironment where the default chains would find the region and credentials
     * @throws MissingConfigurationException naming every missing key: no region can be found, or (for a real AWS
     *                                       endpoint) no credentials are configured or in the default chain
     */
    public static IvsApi connect(ProviderConfig config, RateLimiter rateLimiter, AwsEnvironment awsEnvironment) {
        return connect(config, rateLimiter, awsEnvironment, CallStrategy.QUOTA_AWARE);
    }

    /** As {@link #connect(ProviderConfig, RateLimiter, AwsEnvironment)}; {@link CallStrategy#ONE_BY_ONE} keeps the SDK's retries. */
    public static IvsApi connect(ProviderConfig config, RateLimiter rateLimiter, AwsEnvironment awsEnvironment,
                                 CallStrategy strategy) {
        var missing = new ArrayList<MissingConfigurationException.MissingKey>();
        String region = resolveRegion(config, awsEnvironment);
        if (region == null) {
            missing.add(new MissingConfigurationException.MissingKey("region",
                    "the AWS region of the IVS resources; set ivs:region, or AWS_REGION, or a region in the AWS profile"));
        }
        missing.addAll(missingCredentials(config, awsEnvironment));
        if (!missing.isEmpty()) {
            throw new MissingConfigurationException(missing);
        }
        // Building the SDK clients takes most of a second of class loading in a fresh JVM; Configure and Check need
        // none, so they are built in the background and the engine's first Check is answered meanwhile.
        var api = new IvsApi(new LazyClients(() -> buildClients(config, region, strategy)), rateLimiter, region, strategy);
        api.buildClientsInBackground();
        return api;
    }

    private static Clients buildClients(ProviderConfig config, String region, CallStrategy strategy) {
        AwsCredentialsProvider credentials = credentials(config);
        RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.maxRetries() + 1)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(20)))
                .retryOnExceptionOrCauseInstanceOf(IOException.class)
                .build();
        var override = strategy == CallStrategy.ONE_BY_ONE ? ClientOverrideConfiguration.builder().build()
                : ClientOverrideConfiguration.builder().retryStrategy(retry).build();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        var ivsBuilder = IvsClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(override);
        var realTimeBuilder = IvsRealTimeClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(override);
        if (config.endpoint() != null) {
            ivsBuilder.endpointOverride(config.endpoint());
            realTimeBuilder.endpointOverride(config.endpoint());
        }
        return new Clients(ivsBuilder.build(), realTimeBuilder.build());
    }

    private record Clients(IvsClient ivs, IvsRealTimeClient realTime) {
    }

    private void buildClientsInBackground() {
        var thread = new Thread(() -> {
            try {
                clients.get();
            } catch (RuntimeException closedMeanwhile) {
                // reconfigured or shut down before the clients were needed: nothing to build
            }
        }, "ivs-client-builder");
        thread.setDaemon(true);
        thread.start();
    }

    /** The SDK clients, built once, by whichever thread needs them first. */
    static final class LazyClients {
        private final Supplier<Clients> build;
        private Clients clients;
        private boolean closed;

        LazyClients(Supplier<Clients> build) {
            this.build = build;
        }

        synchronized Clients get() {
            if (closed) {
                throw new IllegalStateException("the IVS clients are closed: the provider was reconfigured or shut down");
            }
            if (clients == null) {
                clients = build.get();
            }
            return clients;
        }

        synchronized void close() {
            closed = true;
            if (clients != null) {
                clients.ivs().close();
                clients.realTime().close();
            }
        }
    }

    /** The region, or null when neither the config nor the AWS environment names one (and the endpoint is not local). */
    private static String resolveRegion(ProviderConfig config, AwsEnvironment environment) {
        if (config.region() != null) {
            return config.region();
        }
        return environment.region(config.profile()).orElse(config.endpointIsLoopback() ? DEFAULT_LOCAL_REGION : null);
    }

    /**
     * What is missing for signing requests to a real AWS endpoint: nothing with static keys or a local endpoint;
     * otherwise the configured profile, or the default chain, must hold credentials. Decided without calling AWS, so
     * that configure reports it instead of the first create failing with an SDK error.
     */
    private static List<MissingConfigurationException.MissingKey> missingCredentials(ProviderConfig config,
                                                                                    AwsEnvironment sources) {
        if (config.hasStaticCredentials() || config.endpointIsLoopback() || sources.find(config.profile()).isPresent()) {
            return List.of();
        }
        if (config.profile() != null) {
            String where = sources.hasProfile(config.profile())
                    ? "has no credentials (aws_access_key_id and aws_secret_access_key, role_arn, sso_session, "
                    + "credential_process or web_identity_token_file)"
                    : "is not in the AWS config or credentials file";
            return List.of(new MissingConfigurationException.MissingKey("profile", "the profile \"" + config.profile()
                    + "\" " + where + "; run `aws configure --profile " + config.profile() + "` (or `aws sso login`), "
                    + "or set ivs:profile to a profile that has credentials"));
        }
        String fix = "no AWS credentials were found (not configured, not in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                + "not in the AWS profile \"" + sources.defaultProfileName() + "\", no container or instance role); ";
        return List.of(
                new MissingConfigurationException.MissingKey("accessKey", fix + "set ivs:accessKey and ivs:secretKey "
                        + "(pulumi config set --secret ivs:accessKey ...), or set ivs:profile, or run `aws configure`"),
                new MissingConfigurationException.MissingKey("secretKey", "the secret access key that goes with "
                        + "ivs:accessKey; pulumi config set --secret ivs:secretKey ..."));
    }

    private static AwsCredentialsProvider credentials(ProviderConfig config) {
        if (config.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(config.token() == null
                    ? AwsBasicCredentials.create(config.accessKey(), config.secretKey())
                    : AwsSessionCredentials.create(config.accessKey(), config.secretKey(), config.token()));
        }
        if (config.endpointIsLoopback() && config.profile() == null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        var chain = DefaultCredentialsProvider.builder();
        if (config.profile() != null) {
            chain.profileName(config.profile());
        }
        return chain.build();
    }

    public String region() {
        return region;
    }

    /** How often waiters poll at first (they back off from there); tests shorten it. */
    public void pollInterval(Duration interval) {
        this.pollInterval = interval;
    }

    /** The user asked to stop: waiters give up at their next poll instead of waiting out their timeout. */
    public void cancel() {
        cancelled = true;
    }

    /** One paced IVS call; SDK exceptions come out as {@link IvsApiException}. */
    public <T> T ivs(OperationFamily family, Function<IvsClient, T> call) {
        try {
            return rateLimiter.run(family, () -> call.apply(clients.get().ivs()));
        } catch (SdkException e) {
            throw AwsErrors.map(e);
        }
    }

    /** One IVS call paced in a window of its own operation (see {@link RateLimiter}). */
    public <T> T ivs(OperationFamily family, String operation, Function<IvsClient, T> call) {
        try {
            return rateLimiter.run(family, operation, () -> call.apply(clients.get().ivs()));
        } catch (SdkException e) {
            throw AwsErrors.map(e);
        }
    }

    /** One IVS RealTime call paced in a window of its own operation (see {@link RateLimiter}). */
    public <T> T realTime(OperationFamily family, String operation, Function<IvsRealTimeClient, T> call) {
        try {
            return rateLimiter.run(family, operation, () -> call.apply(clients.get().realTime()));
        } catch (SdkException e) {
            throw AwsErrors.map(e);
        }
    }

    /** One paced IVS RealTime call; SDK exceptions come out as {@link IvsApiException}. */
    public <T> T realTime(OperationFamily family, Function<IvsRealTimeClient, T> call) {
        try {
            return rateLimiter.run(family, () -> call.apply(clients.get().realTime()));
        } catch (SdkException e) {
            throw AwsErrors.map(e);
        }
    }

    /** A channel by ARN, read through BatchGetChannel together with concurrent reads. */
    public Optional<Channel> channel(String arn) {
        if (strategy == CallStrategy.ONE_BY_ONE) {
            return orEmptyIfNotFound(() -> ivs(OperationFamily.CHANNEL, client -> client.getChannel(b -> b.arn(arn))).channel());
        }
        return channels.get(arn);
    }

    /** A stream key (with its value) by ARN, read through BatchGetStreamKey together with concurrent reads. */
    public Optional<StreamKey> streamKey(String arn) {
        if (strategy == CallStrategy.ONE_BY_ONE) {
            return orEmptyIfNotFound(() -> ivs(OperationFamily.STREAM_KEY, client -> client.getStreamKey(b -> b.arn(arn))).streamKey());
        }
        return streamKeys.get(arn);
    }

    /**
     * Starts reading a stream key without waiting for it, so that a caller can read its channel meanwhile and both
     * reads join the batches that concurrent reads are filling.
     */
    public CompletableFuture<Optional<StreamKey>> streamKeyAsync(String arn) {
        if (strategy == CallStrategy.ONE_BY_ONE) {
            return CompletableFuture.completedFuture(streamKey(arn));
        }
        return streamKeys.request(arn);
    }

    private static <T> Optional<T> orEmptyIfNotFound(Supplier<T> get) {
        try {
            return Optional.ofNullable(get.get());
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The coalescers pace their batch calls themselves, so that reads arriving while a call waits still join it. */
    private BatchCoalescer.Pacer pacedAs(OperationFamily family, String operation) {
        return new BatchCoalescer.Pacer() {
            @Override
            public <T> T paced(Supplier<T> call) {
                return rateLimiter.run(family, operation, call);
            }
        };
    }

    /** Unpaced: the coalescer paces it. */
    private <T> T unpaced(Function<IvsClient, T> call) {
        try {
            return call.apply(clients.get().ivs());
        } catch (SdkException e) {
            throw AwsErrors.map(e);
        }
    }

    private BatchCoalescer.BatchResult<Channel> batchGetChannels(List<String> arns) {
        var response = unpaced(client -> client.batchGetChannel(b -> b.arns(arns)));
        return batchResult(response.channels(), Channel::arn, response.errors());
    }

    private BatchCoalescer.BatchResult<StreamKey> batchGetStreamKeys(List<String> arns) {
        var response = unpaced(client -> client.batchGetStreamKey(b -> b.arns(arns)));
        return batchResult(response.streamKeys(), StreamKey::arn, response.errors());
    }

    /** A batch answer by ARN: what was found, and a failure per ARN that failed other than by not existing. */
    private static <T> BatchCoalescer.BatchResult<T> batchResult(List<T> items, Function<T, String> arn,
                                                                 List<BatchError> errors) {
        var found = new HashMap<String, T>();
        items.forEach(item -> found.put(arn.apply(item), item));
        var failures = new HashMap<String, RuntimeException>();
        errors.forEach(error -> {
            if (!isNotFound(error.code())) {
                failures.put(error.arn(), new IvsApiException(IvsApiException.Kind.OTHER,
                        error.message() + " (" + error.code() + ")", null));
            }
        });
        return new BatchCoalescer.BatchResult<>(found, failures);
    }

    private static boolean isNotFound(String code) {
        return code == null || code.contains("NotFound") || code.equals("404");
    }

    /** Whether the channel has a live stream now. */
    public boolean isLive(String channelArn) {
        try {
            var stream = ivs(OperationFamily.STREAM, client -> client.getStream(b -> b.channelArn(channelArn))).stream();
            return stream != null && stream.state() != StreamState.OFFLINE;
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_BROADCASTING) || e.is(IvsApiException.Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    /** Stops the channel's stream (if it is live) and waits until it is offline. */
    public void stopStreamAndWait(String channelArn, Duration timeout) {
        try {
            ivs(OperationFamily.STREAM, client -> client.stopStream(b -> b.channelArn(channelArn)));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.NOT_BROADCASTING)) {
                throw e;
            }
            return;
        }
        Waiter<GetStreamResponse> waiter = Waiter.builder(GetStreamResponse.class)
                .acceptors(List.of(
                        WaiterAcceptor.errorOnResponseAcceptor(r -> cancelled, "cancelled"),
                        WaiterAcceptor.successOnExceptionAcceptor(AwsErrors::isNotBroadcasting),
                        WaiterAcceptor.successOnResponseAcceptor(r -> r.stream() == null || r.stream().state() == StreamState.OFFLINE),
                        WaiterAcceptor.retryOnResponseAcceptor(r -> true)))
                .overrideConfiguration(waiting(timeout))
                .build();
        runWaiter(() -> waiter.run(() -> paced(OperationFamily.STREAM, () -> clients.get().ivs().getStream(b -> b.channelArn(channelArn)))),
                timeout, "the stream did not stop");
    }

    /** Polls a recording configuration until it leaves CREATING; returns it ACTIVE or CREATE_FAILED. */
    public RecordingConfiguration waitForRecordingConfiguration(String arn, Duration timeout) {
        Waiter<GetRecordingConfigurationResponse> waiter = Waiter.builder(GetRecordingConfigurationResponse.class)
                .acceptors(List.of(
                        WaiterAcceptor.successOnResponseAcceptor(
                                r -> r.recordingConfiguration().state() != RecordingConfigurationState.CREATING),
                        WaiterAcceptor.errorOnResponseAcceptor(r -> cancelled, "cancelled"),
                        WaiterAcceptor.retryOnResponseAcceptor(r -> true)))
                .overrideConfiguration(waiting(timeout))
                .build();
        var response = runWaiter(() -> waiter.run(() -> paced(OperationFamily.RECORDING_CONFIGURATION,
                () -> clients.get().ivs().getRecordingConfiguration(b -> b.arn(arn)))), timeout, "it is still CREATING");
        return response.recordingConfiguration();
    }

    private WaiterOverrideConfiguration waiting(Duration timeout) {
        return WaiterOverrideConfiguration.builder()
                .maxAttempts(Integer.MAX_VALUE)
                .waitTimeout(timeout)
                .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(pollInterval, Duration.ofSeconds(5)))
                .build();
    }

    private <T> T runWaiter(Supplier<WaiterResponse<T>> run,
                            Duration timeout, String stillWaiting) {
        long start = System.nanoTime();
        try {
            var response = run.get();
            var matched = response.matched();
            if (matched.response().isPresent()) {
                return matched.response().get();
            }
            return null;
        } catch (SdkException e) {
            if (cancelled) {
                throw new IvsApiException(IvsApiException.Kind.INTERRUPTED, "cancelled while waiting: " + stillWaiting, e);
            }
            // The waiter also gives up early, without a cause, when its next poll would end after the timeout.
            boolean waitedOut = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0
                    || (e instanceof SdkClientException && e.getCause() == null);
            if (waitedOut) {
                throw new IvsApiException(IvsApiException.Kind.TIMEOUT, "gave up after waiting "
                        + timeout.toMillis() + " ms: " + stillWaiting, e);
            }
            throw AwsErrors.map(e);
        }
    }

    private <T> T paced(OperationFamily family, Supplier<T> call) {
        return rateLimiter.run(family, call);
    }

    /** Adds or overwrites tags on any IVS or IVS RealTime resource. */
    public void tag(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        if (ArnParser.isRealTime(arn)) {
            realTime(OperationFamily.TAGS, "TagResource", client -> client.tagResource(b -> b.resourceArn(arn).tags(tags)));
        } else {
            ivs(OperationFamily.TAGS, "TagResource", client -> client.tagResource(b -> b.resourceArn(arn).tags(tags)));
        }
    }

    /** Removes tag keys from any IVS or IVS RealTime resource. */
    public void untag(String arn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (ArnParser.isRealTime(arn)) {
            realTime(OperationFamily.TAGS, "UntagResource", client -> client.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
        } else {
            ivs(OperationFamily.TAGS, "UntagResource", client -> client.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
        }
    }

    /** The live tags of any IVS or IVS RealTime resource. */
    public Map<String, String> tags(String arn) {
        if (ArnParser.isRealTime(arn)) {
            return realTime(OperationFamily.TAGS, "ListTagsForResource", client -> client.listTagsForResource(b -> b.resourceArn(arn))).tags();
        }
        return ivs(OperationFamily.TAGS, "ListTagsForResource", client -> client.listTagsForResource(b -> b.resourceArn(arn))).tags();
    }

    @Override
    public void close() {
        channels.close();
        streamKeys.close();
        clients.close();
    }
}
