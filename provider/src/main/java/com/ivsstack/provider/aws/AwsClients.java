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
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Builds the IVS and IVS RealTime clients of one provider configuration: the only place that does. Each client paces
 * its calls ({@link QuotaPacing}, an SDK interceptor), retries with the SDK's retry strategy, and fails with
 * {@link IvsApiException} ({@link ErrorMapping}). Thread-safe.
 */
public final class AwsClients implements AutoCloseable {

    private static final String DEFAULT_LOCAL_REGION = "us-east-1";

    private final String region;
    private final RateLimiter pacing;
    private final LazyClients clients;

    private AwsClients(String region, RateLimiter pacing, LazyClients clients) {
        this.region = region;
        this.pacing = pacing;
        this.clients = clients;
    }

    /**
     * Throttling, 5xx answers and dropped connections retried up to {@code maxRetries} times, backing off up to 20 s:
     * what the provider uses.
     */
    public static RetryStrategy patientRetries(int maxRetries) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxRetries + 1)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(20)))
                .retryOnExceptionOrCauseInstanceOf(IOException.class)
                .build();
    }

    /**
     * The clients for a configuration: region from the config or the AWS environment and profile chain; credentials
     * static, from a profile, or the default chain; a loopback endpoint without credentials gets dummy credentials
     * (the local endpoint ignores signatures) and region us-east-1 when none is found. Building the SDK clients takes
     * most of a second of class loading in a fresh JVM; Configure and Check need none, so they are built in the
     * background and the engine's first Check is answered meanwhile.
     *
     * @param pacing      how calls are paced
     * @param retries     the retry strategy for the configured maxRetries; one that returns null keeps the SDK's default
     * @throws MissingConfigurationException naming every missing key: no region can be found, or (for a real AWS
     *                                       endpoint) no credentials are configured or in the default chain
     */
    public static AwsClients connect(ProviderConfig config, AwsEnvironment environment, RateLimiter pacing,
                                     IntFunction<RetryStrategy> retries) {
        var missing = new ArrayList<MissingConfigurationException.MissingKey>();
        String region = resolveRegion(config, environment);
        if (region == null) {
            missing.add(new MissingConfigurationException.MissingKey("region",
                    "the AWS region of the IVS resources; set ivs:region, or AWS_REGION, or a region in the AWS profile"));
        }
        missing.addAll(missingCredentials(config, environment));
        if (!missing.isEmpty()) {
            throw new MissingConfigurationException(missing);
        }
        var clients = new AwsClients(region, pacing,
                new LazyClients(() -> build(config, region, pacing, retries.apply(config.maxRetries()))));
        clients.buildInBackground();
        return clients;
    }

    private static Clients build(ProviderConfig config, String region, RateLimiter pacing, RetryStrategy retry) {
        AwsCredentialsProvider credentials = credentials(config);
        var override = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new QuotaPacing(pacing));
        if (retry != null) {
            override.retryStrategy(retry);
        }
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        var ivsBuilder = IvsClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(override.build());
        var realTimeBuilder = IvsRealTimeClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(override.build());
        if (config.endpoint() != null) {
            ivsBuilder.endpointOverride(config.endpoint());
            realTimeBuilder.endpointOverride(config.endpoint());
        }
        return new Clients(ErrorMapping.of(IvsClient.class, ivsBuilder.build()),
                ErrorMapping.of(IvsRealTimeClient.class, realTimeBuilder.build()));
    }

    public IvsClient ivs() {
        return clients.get().ivs();
    }

    public IvsRealTimeClient realTime() {
        return clients.get().realTime();
    }

    public String region() {
        return region;
    }

    /** The pacing of the clients, for callers that take a call's slot themselves ({@link QuotaPacing#PACED_BY_CALLER}). */
    public RateLimiter pacing() {
        return pacing;
    }

    @Override
    public void close() {
        clients.close();
    }

    private record Clients(IvsClient ivs, IvsRealTimeClient realTime) {
    }

    private void buildInBackground() {
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
    private static final class LazyClients {
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
}
