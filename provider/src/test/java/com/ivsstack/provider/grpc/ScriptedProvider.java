package com.ivsstack.provider.grpc;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CheckResult;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.MissingConfigurationException;
import com.ivsstack.provider.api.Provider;
import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider whose one resource type {@code fake:index:Thing} answers what each test programs into it and records
 * every request it receives, so tests can assert what the adapter decoded.
 */
final class ScriptedProvider implements Provider {

    static final String TYPE = "fake:index:Thing";
    static final String SCHEMA = "{\"name\":\"fake\",\n  \"version\":\"1.2.3\",\"description\":\"\u00e9t\u00e9 \\u00e9\"}\n";

    final ProviderLog log;
    final List<Object> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger cancels = new AtomicInteger();
    volatile Map<String, Object> configuration;
    volatile List<MissingConfigurationException.MissingKey> missingKeys = List.of();

    volatile Function<CheckRequest, CheckResult> onCheck = request -> new CheckResult(request.news(), List.of());
    volatile Function<DiffRequest, DiffResult> onDiff = request -> DiffResult.none();
    volatile Function<CreateRequest, CreateResult> onCreate = request -> new CreateResult("id-1", request.inputs());
    volatile Function<ReadRequest, ReadResult> onRead = request -> ReadResult.gone();
    volatile Function<UpdateRequest, UpdateResult> onUpdate = request -> new UpdateResult(request.news());
    volatile Function<Map<String, Object>, ProviderFunction.Result> onInvoke = ProviderFunction.Result::of;
    /** The reasons the delete preflight gives, by resource id; the groups it was asked about. */
    volatile Map<String, List<String>> blockedDeletes = Map.of();
    final List<DeleteGroup> deleteGroups = Collections.synchronizedList(new ArrayList<>());

    ScriptedProvider(ProviderLog log) {
        this.log = log;
    }

    @Override
    public String packageName() {
        return "fake";
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public String schemaJson() {
        return SCHEMA;
    }

    @Override
    public CheckResult checkConfig(Map<String, Object> olds, Map<String, Object> news) {
        requests.add(news);
        return new CheckResult(news, List.of());
    }

    @Override
    public DiffResult diffConfig(Map<String, Object> oldInputs, Map<String, Object> oldOutputs, Map<String, Object> news) {
        return DiffResult.none();
    }

    @Override
    public void configure(Map<String, Object> config) {
        if (!missingKeys.isEmpty()) {
            throw new MissingConfigurationException(missingKeys);
        }
        configuration = config;
    }

    @Override
    public Optional<ResourceHandler> resource(String token) {
        return token.equals(TYPE) ? Optional.of(thing) : Optional.empty();
    }

    @Override
    public Optional<ProviderFunction> function(String token) {
        if (!token.equals("fake:index:getThing")) {
            return Optional.empty();
        }
        return Optional.of(new ProviderFunction() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public Result invoke(Map<String, Object> args) {
                requests.add(args);
                return onInvoke.apply(args);
            }
        });
    }

    @Override
    public Map<String, List<String>> deleteBlockers(DeleteGroup group) {
        deleteGroups.add(group);
        Map<String, List<String>> blocked = new java.util.LinkedHashMap<>();
        group.members().forEach(m -> {
            List<String> reasons = blockedDeletes.get(m.request().id());
            if (reasons != null) {
                blocked.put(m.request().urn(), reasons);
            }
        });
        return blocked;
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    <T> T lastRequest(Class<T> type) {
        synchronized (requests) {
            for (int i = requests.size() - 1; i >= 0; i--) {
                if (type.isInstance(requests.get(i))) {
                    return (T) requests.get(i);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " received");
    }

    static CheckResult failing(String property, String reason) {
        return new CheckResult(Map.of(), List.of(new CheckFailure(property, reason)));
    }

    private final ResourceHandler thing = new ResourceHandler() {
        @Override
        public String token() {
            return TYPE;
        }

        @Override
        public CheckResult check(CheckRequest request) {
            requests.add(request);
            return onCheck.apply(request);
        }

        @Override
        public DiffResult diff(DiffRequest request) {
            requests.add(request);
            return onDiff.apply(request);
        }

        @Override
        public CreateResult create(CreateRequest request) {
            requests.add(request);
            return onCreate.apply(request);
        }

        @Override
        public ReadResult read(ReadRequest request) {
            requests.add(request);
            return onRead.apply(request);
        }

        @Override
        public UpdateResult update(UpdateRequest request) {
            requests.add(request);
            return onUpdate.apply(request);
        }

        @Override
        public void delete(DeleteRequest request) {
            requests.add(request);
        }
    };
}
