package com.ivsstack.provider;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.CheckResult;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.Provider;
import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.provider.aws.AwsClients;
import com.ivsstack.provider.aws.AwsEnvironment;
import com.ivsstack.provider.aws.ChannelReads;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.provider.aws.RateLimiter;
import software.amazon.awssdk.retries.api.RetryStrategy;
import com.ivsstack.provider.function.Functions;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.resource.ResourceTypes;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.provider.schema.InputChecker;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.provider.schema.PropertyDiffer;
import com.ivsstack.pulumi.value.PropertyValues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The ivs provider: schema.json, the provider configuration, the resource types and the functions. No AWS
 * client exists before {@link #configure}. Thread-safe after configure; close it to release the HTTP clients.
 */
public final class IvsProvider implements Provider, AutoCloseable {

    /** Configuration keys whose change points the provider at other AWS resources: the resources are replaced. */
    private static final Set<String> REPLACING_CONFIG = Set.of("region", "endpoint");
    /** Keys the engine adds to the configuration that are not ours to validate. */
    private static final Set<String> ENGINE_CONFIG = Set.of("version");

    private final PackageSchema schema;
    private final ResourceContext context;
    private final AwsEnvironment awsEnvironment;
    private final IvsApi.Settings awsSettings;
    private final Map<String, ResourceHandler> resources;
    private final Map<String, ProviderFunction> functions;
    private volatile IvsApi api;

    /** A provider that paces its calls under the IVS quotas and reports to {@code log}. */
    public IvsProvider(ProviderLog log) {
        this(builder().log(log));
    }

    private IvsProvider(Builder builder) {
        this.schema = BundledSchema.load();
        this.context = new ResourceContext(schema, builder.log);
        this.awsEnvironment = builder.awsEnvironment;
        this.awsSettings = new IvsApi.Settings(builder.rateLimiter, builder.retries, builder.reads, builder.pollInterval);
        this.resources = index(ResourceTypes.of(context), ResourceHandler::token);
        this.functions = index(Functions.of(context), ProviderFunction::token);
    }

    private static <T> Map<String, T> index(List<? extends T> items, Function<T, String> token) {
        return items.stream().collect(Collectors.toMap(token, item -> item, (a, b) -> a, LinkedHashMap::new));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for hosts and tests; {@code new IvsProvider(log)} is the usual way. */
    public static final class Builder {
        private ProviderLog log = ProviderLog.NONE;
        private RateLimiter rateLimiter = RateLimiter.underIvsQuotas();
        /** Null for the defaults of {@link IvsApi.Settings}. */
        private IntFunction<RetryStrategy> retries;
        private Function<AwsClients, ChannelReads> reads;
        private Duration pollInterval;
        private AwsEnvironment awsEnvironment = AwsEnvironment.ofThisProcess();

        public Builder log(ProviderLog log) {
            this.log = log;
            return this;
        }

        /** How calls are paced; {@link RateLimiter#unlimited()} for a local endpoint without quotas. */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
            return this;
        }

        /**
         * The retry strategy of the AWS clients for the configured maxRetries; a function that returns null keeps the
         * SDK's default. By default throttling, 5xx and dropped connections are retried patiently.
         */
        public Builder retryStrategy(IntFunction<RetryStrategy> retries) {
            this.retries = retries;
            return this;
        }

        /** How channels and stream keys are read by ARN; by default coalesced into batch calls. */
        public Builder channelReads(Function<AwsClients, ChannelReads> reads) {
            this.reads = reads;
            return this;
        }

        /** The first interval of waiter polls (they back off up to 5 s). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Where configure looks for default-chain credentials; tests pass fixed sources instead of the machine's. */
        public Builder awsEnvironment(AwsEnvironment awsEnvironment) {
            this.awsEnvironment = awsEnvironment;
            return this;
        }

        public IvsProvider build() {
            return new IvsProvider(this);
        }
    }

    @Override
    public String packageName() {
        return schema.name();
    }

    @Override
    public String version() {
        return schema.version();
    }

    @Override
    public String schemaJson() {
        return schema.source();
    }

    @Override
    public CheckResult checkConfig(Map<String, Object> olds, Map<String, Object> news) {
        var ours = new LinkedHashMap<String, Object>();
        var engine = new LinkedHashMap<String, Object>();
        (news == null ? Map.<String, Object>of() : news).forEach((k, v) -> (ENGINE_CONFIG.contains(k) ? engine : ours).put(k, v));
        var checked = InputChecker.check(schema, schema.provider().token().text(), schema.config(), withoutUnknowns(ours));
        var failures = new ArrayList<CheckFailure>(checked.failures());
        if (failures.isEmpty()) {
            failures.addAll(ProviderConfig.validate(checked.values()));
        }
        var inputs = new LinkedHashMap<String, Object>(checked.values());
        ours.forEach((k, v) -> {
            if (PropertyValues.isUnknown(v)) {
                inputs.put(k, v);
            }
        });
        inputs.putAll(engine);
        return new CheckResult(inputs, failures);
    }

    private static Map<String, Object> withoutUnknowns(Map<String, Object> config) {
        var result = new LinkedHashMap<String, Object>();
        config.forEach((k, v) -> {
            if (!PropertyValues.isUnknown(v)) {
                result.put(k, v);
            }
        });
        return result;
    }

    @Override
    public DiffResult diffConfig(Map<String, Object> oldInputs, Map<String, Object> oldOutputs, Map<String, Object> news) {
        var olds = new LinkedHashMap<>(oldInputs == null ? Map.<String, Object>of() : oldInputs);
        var current = new LinkedHashMap<>(news == null ? Map.<String, Object>of() : news);
        ENGINE_CONFIG.forEach(olds::remove);
        ENGINE_CONFIG.forEach(current::remove);
        var detailed = new LinkedHashMap<String, PropertyDiff>();
        PropertyDiffer.diff(schema, schema.config(), InputChecker.withDefaults(schema, schema.config(), olds),
                InputChecker.withDefaults(schema, schema.config(), current), List.of()).forEach((path, diff) -> {
                    boolean replace = REPLACING_CONFIG.contains(DiffResult.topLevelKey(path));
                    detailed.put(path, replace ? PropertyDiff.of(replacing(diff.kind())) : diff);
                });
        return new DiffResult(detailed, false);
    }

    private static PropertyDiff.Kind replacing(PropertyDiff.Kind kind) {
        return switch (kind) {
            case ADD, ADD_REPLACE -> PropertyDiff.Kind.ADD_REPLACE;
            case DELETE, DELETE_REPLACE -> PropertyDiff.Kind.DELETE_REPLACE;
            case UPDATE, UPDATE_REPLACE -> PropertyDiff.Kind.UPDATE_REPLACE;
        };
    }

    @Override
    public synchronized void configure(Map<String, Object> config) {
        var values = new LinkedHashMap<>(config == null ? Map.<String, Object>of() : config);
        ENGINE_CONFIG.forEach(values::remove);
        var providerConfig = ProviderConfig.from(InputChecker.withDefaults(schema, schema.config(), values));
        var connected = IvsApi.connect(providerConfig, awsEnvironment, awsSettings);
        var previous = api;
        api = connected;
        context.configure(providerConfig, connected);
        if (previous != null) {
            previous.close();
        }
    }

    /** The configuration applied by {@link #configure}, or the defaults before it. */
    public ProviderConfig config() {
        return context.config();
    }

    @Override
    public Optional<ResourceHandler> resource(String token) {
        return Optional.ofNullable(resources.get(token));
    }

    @Override
    public Optional<ProviderFunction> function(String token) {
        return Optional.ofNullable(functions.get(token));
    }

    /** The tokens of every resource type, in schema order. */
    public Set<String> resourceTokens() {
        return resources.keySet();
    }

    @Override
    public void cancel() {
        context.cancel();
        var current = api;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
