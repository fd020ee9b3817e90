package com.ivsstack.engine.monitor;

import static com.ivsstack.pulumi.wire.StructCodec.Decoding.ENGINE;
import static com.ivsstack.pulumi.wire.StructCodec.Unknowns.ALLOWED;

import com.google.protobuf.Empty;
import com.ivsstack.engine.exec.Deployment;
import com.ivsstack.engine.exec.RegisterOutcome;
import com.ivsstack.engine.exec.Registration;
import com.ivsstack.engine.plan.GoDurations;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.timing.RunTimings;
import com.ivsstack.pulumi.wire.StructCodec;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pulumirpc.Provider;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The ResourceMonitor service a Pulumi program talks to. Each RegisterResource call blocks until its resource's
 * step has finished, so that dependents see real outputs.
 */
public final class ResourceMonitorService extends ResourceMonitorGrpc.ResourceMonitorImplBase {
    private final Supplier<Deployment> deployment;

    public ResourceMonitorService(Deployment deployment) {
        this(() -> deployment);
    }

    /**
     * @param deployment the run's deployment, waited for by every call that needs it: a program may be started
     *                   while the run still reads its state
     */
    public ResourceMonitorService(Supplier<Deployment> deployment) {
        this.deployment = deployment;
    }

    @Override
    public void supportsFeature(Resource.SupportsFeatureRequest request,
                                StreamObserver<Resource.SupportsFeatureResponse> response) {
        RunTimings.first("monitor-first-call");
        // Resource references degrade to ids, which is all the ivs package needs; everything else is unsupported.
        respond(response, () -> Resource.SupportsFeatureResponse.newBuilder().setHasSupport(false).build());
    }

    @Override
    public void registerResource(Resource.RegisterResourceRequest request,
                                 StreamObserver<Resource.RegisterResourceResponse> response) {
        RunTimings.first("first-registration");
        respond(response, () -> {
            Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
            request.getPropertyDependenciesMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> propertyDependencies.put(e.getKey(), List.copyOf(e.getValue().getUrnsList())));
            Map<String, Double> timeouts = new LinkedHashMap<>();
            if (request.hasCustomTimeouts()) {
                Resource.RegisterResourceRequest.CustomTimeouts t = request.getCustomTimeouts();
                putTimeout(timeouts, "create", t.getCreate());
                putTimeout(timeouts, "update", t.getUpdate());
                putTimeout(timeouts, "delete", t.getDelete());
                putTimeout(timeouts, "read", t.getRead());
            }
            Registration registration = new Registration(
                    request.getType(), request.getName(), request.getParent(), request.getCustom(),
                    StructCodec.decode(request.getObject(), ENGINE),
                    request.hasProtect() && request.getProtect(),
                    List.copyOf(new java.util.LinkedHashSet<>(request.getDependenciesList())),
                    request.getProvider(), propertyDependencies,
                    request.getDeleteBeforeReplace(), request.getDeleteBeforeReplaceDefined(),
                    request.getVersion(), List.copyOf(request.getIgnoreChangesList()),
                    List.copyOf(request.getAdditionalSecretOutputsList()), request.getImportId(), timeouts,
                    request.hasRetainOnDelete() && request.getRetainOnDelete(),
                    List.copyOf(request.getReplaceOnChangesList()));
            RegisterOutcome outcome = deployment.get().register(registration);
            Resource.RegisterResourceResponse answer = Resource.RegisterResourceResponse.newBuilder()
                    .setUrn(outcome.urn())
                    .setId(outcome.id())
                    .setObject(StructCodec.encode(outcome.outputs(), ALLOWED))
                    .build();
            RunTimings.latest("registration-answered");
            return answer;
        });
    }

    private static void putTimeout(Map<String, Double> timeouts, String key, String value) {
        if (value != null && !value.isEmpty()) {
            timeouts.put(key, GoDurations.seconds(value));
        }
    }

    @Override
    public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
        respond(response, () -> {
            deployment.get().registerOutputs(request.getUrn(), StructCodec.decode(request.getOutputs(), ENGINE));
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void readResource(Resource.ReadResourceRequest request, StreamObserver<Resource.ReadResourceResponse> response) {
        respond(response, () -> {
            RegisterOutcome outcome = deployment.get().read(request.getType(), request.getName(), request.getParent(),
                    request.getId(), StructCodec.decode(request.getProperties(), ENGINE), request.getProvider(),
                    request.getVersion(), List.copyOf(request.getDependenciesList()));
            return Resource.ReadResourceResponse.newBuilder()
                    .setUrn(outcome.urn())
                    .setProperties(StructCodec.encode(outcome.outputs(), ALLOWED))
                    .build();
        });
    }

    @Override
    public void invoke(Resource.ResourceInvokeRequest request, StreamObserver<Resource.ResourceInvokeResponse> response) {
        respond(response, () -> {
            ProviderClient.InvokeResult result = deployment.get().invoke(request.getTok(),
                    StructCodec.decode(request.getArgs(), ENGINE), request.getProvider(), request.getVersion());
            Resource.ResourceInvokeResponse.Builder b = Resource.ResourceInvokeResponse.newBuilder()
                    .setReturn(StructCodec.encode(result.result(), ALLOWED));
            result.failures().forEach(f -> b.addFailures(Provider.CheckFailure.newBuilder()
                    .setProperty(f.property() == null ? "" : f.property()).setReason(f.reason())));
            return b.build();
        });
    }

    /**
     * Runs the request outside the program's RPC context: when the program dies its calls are cancelled, and a
     * provider call made in that context would be cancelled mid-create, leaving a resource nobody records.
     */
    private static <T> void respond(StreamObserver<T> response, Supplier<T> body) {
        T value;
        try {
            value = io.grpc.Context.current().fork().call(body::get);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            response.onError(Status.UNKNOWN.withDescription(message).asRuntimeException());
            return;
        } catch (Exception e) {
            throw new IllegalStateException(e); // body::get throws no checked exception
        }
        response.onNext(value);
        response.onCompleted();
    }
}
