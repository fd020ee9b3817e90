package com.ivsstack.provider.grpc;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CheckResult;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.Provider;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.api.ResourceHandler;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;
import com.ivsstack.pulumi.wire.StructCodec.Unknowns;
import com.ivsstack.pulumi.wire.StructCodec;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulumirpc.Plugin.PluginAttach;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.GetMappingRequest;
import pulumirpc.Provider.GetMappingResponse;
import pulumirpc.Provider.GetMappingsRequest;
import pulumirpc.Provider.GetMappingsResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.ResourceProviderGrpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Pulumi {@code ResourceProvider} gRPC service over a protocol-neutral {@link Provider}: decodes requests with
 * {@link StructCodec} (as a provider sees values: {@link StructCodec.Decoding#PROVIDER}), calls the provider, encodes results, and maps exceptions with {@link GrpcErrors}. It knows
 * nothing of IVS.
 *
 * <p>Usable without the launcher: host it in any gRPC server, including an in-process one. The engine address for
 * log messages comes from {@code Handshake}, {@code Attach} or {@link #setEngineAddress(String)}. The provider is
 * created on the first RPC that needs it, with a {@link ProviderLog} that forwards to the engine.
 *
 * <p>RPCs not listed here ({@code Parameterize}, {@code Call}, {@code Construct}, {@code List}) answer UNIMPLEMENTED.
 */
public class ResourceProviderService extends ResourceProviderGrpc.ResourceProviderImplBase implements AutoCloseable {

    /**
     * Looked up when something is logged, not when the class loads: slf4j's initialization searches every jar for its
     * configuration file, which the plugin must not wait for before it answers its first call.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ResourceProviderService.class);
    }

    private final Function<ProviderLog, Provider> providerFactory;
    private final EngineLog engineLog = new EngineLog();
    private volatile Provider provider;

    public ResourceProviderService(Function<ProviderLog, Provider> providerFactory) {
        this.providerFactory = java.util.Objects.requireNonNull(providerFactory, "providerFactory");
    }

    /** Where the engine's {@code Log} service listens ({@code host:port}); null or blank stops forwarding. */
    public void setEngineAddress(String address) {
        engineLog.connect(address);
    }

    /** The engine address log messages go to, if any. */
    public java.util.Optional<String> engineAddress() {
        return java.util.Optional.ofNullable(engineLog.engineAddress());
    }

    /** The provider behind this service, created on first use. */
    public Provider provider() {
        Provider current = provider;
        if (current == null) {
            synchronized (this) {
                current = provider;
                if (current == null) {
                    current = providerFactory.apply(engineLog);
                    provider = current;
                }
            }
        }
        return current;
    }

    /** Stops forwarding logs and closes the provider if it holds resources (HTTP clients). */
    @Override
    public void close() {
        engineLog.close();
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception failure) {
                log().debug("closing the provider failed", failure);
            }
        }
    }

    // ---- plugin lifecycle ---------------------------------------------------------------------------------------

    @Override
    public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> response) {
        answer(response, () -> {
            if (!request.getEngineAddress().isBlank()) {
                setEngineAddress(request.getEngineAddress());
            }
            return ProviderHandshakeResponse.newBuilder()
                    .setAcceptSecrets(true)
                    .setAcceptResources(true)
                    .setAcceptOutputs(false)
                    .setSupportsAutonamingConfiguration(false)
                    .setAcceptsByteString(false)
                    .build();
        });
    }

    @Override
    public void attach(PluginAttach request, StreamObserver<Empty> response) {
        answer(response, () -> {
            setEngineAddress(request.getAddress());
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
        answer(response, () -> PluginInfo.newBuilder().setVersion(provider().version()).build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> response) {
        answer(response, () -> {
            if (!request.getSubpackageName().isEmpty()) {
                throw Status.INVALID_ARGUMENT.withDescription("package " + provider().packageName()
                        + " has no subpackage \"" + request.getSubpackageName() + "\"").asRuntimeException();
            }
            return GetSchemaResponse.newBuilder().setSchema(provider().schemaJson()).build();
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        answer(response, () -> {
            provider().cancel();
            return Empty.getDefaultInstance();
        });
    }

    @Override
    public void getMapping(GetMappingRequest request, StreamObserver<GetMappingResponse> response) {
        // We map to no other ecosystem (e.g. Terraform); the protocol asks for an empty answer, not an error.
        answer(response, GetMappingResponse::getDefaultInstance);
    }

    @Override
    public void getMappings(GetMappingsRequest request, StreamObserver<GetMappingsResponse> response) {
        answer(response, GetMappingsResponse::getDefaultInstance);
    }

    // ---- provider configuration ---------------------------------------------------------------------------------

    @Override
    public void checkConfig(pulumirpc.Provider.CheckRequest request, StreamObserver<pulumirpc.Provider.CheckResponse> response) {
        answer(response, () -> toWire(provider().checkConfig(
                decode(request.getOlds()), decode(request.getNews()))));
    }

    @Override
    public void diffConfig(pulumirpc.Provider.DiffRequest request, StreamObserver<pulumirpc.Provider.DiffResponse> response) {
        answer(response, () -> toWire(provider().diffConfig(decode(request.getOldInputs()),
                decode(request.getOlds()), decode(request.getNews()))));
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> response) {
        answer(response, () -> {
            provider().configure(configurationOf(request));
            return ConfigureResponse.newBuilder()
                    .setAcceptSecrets(true)
                    .setSupportsPreview(true)
                    .setAcceptResources(true)
                    .setAcceptOutputs(false)
                    .build();
        });
    }

    /** {@code args} when the engine sends it (always, since 2020); else the deprecated {@code variables} map. */
    @SuppressWarnings("deprecation") // variables: for engines older than args
    private static Map<String, Object> configurationOf(ConfigureRequest request) {
        if (request.hasArgs()) {
            return decode(request.getArgs());
        }
        var config = new java.util.LinkedHashMap<String, Object>();
        request.getVariablesMap().forEach((key, value) -> config.put(key.substring(key.lastIndexOf(':') + 1), value));
        return config;
    }

    // ---- resources ----------------------------------------------------------------------------------------------

    @Override
    public void check(pulumirpc.Provider.CheckRequest request, StreamObserver<pulumirpc.Provider.CheckResponse> response) {
        answer(response, () -> toWire(resourceType(request.getType(), request.getUrn()).check(new CheckRequest(
                request.getUrn(), decode(request.getOlds()), decode(request.getNews())))));
    }

    @Override
    public void diff(pulumirpc.Provider.DiffRequest request, StreamObserver<pulumirpc.Provider.DiffResponse> response) {
        answer(response, () -> toWire(resourceType(request.getType(), request.getUrn()).diff(new DiffRequest(
                request.getId(), request.getUrn(),
                decode(request.getOldInputs()),
                decode(request.getOlds()),
                decode(request.getNews()),
                List.copyOf(request.getIgnoreChangesList())))));
    }

    @Override
    public void create(pulumirpc.Provider.CreateRequest request, StreamObserver<pulumirpc.Provider.CreateResponse> response) {
        answer(response, () -> {
            CreateResult result = resourceType(request.getType(), request.getUrn()).create(new CreateRequest(
                    request.getUrn(), decode(request.getProperties()),
                    timeoutOf(request.getTimeout()), request.getPreview()));
            String id = result.id() == null ? "" : result.id();
            if (id.isEmpty() && !request.getPreview()) {
                throw new IllegalStateException("create of " + request.getUrn() + " returned no id");
            }
            return pulumirpc.Provider.CreateResponse.newBuilder()
                    .setId(id)
                    .setProperties(StructCodec.encode(result.outputs(), unknownsIn(request.getPreview())))
                    .build();
        });
    }

    @Override
    public void read(pulumirpc.Provider.ReadRequest request, StreamObserver<pulumirpc.Provider.ReadResponse> response) {
        answer(response, () -> {
            ReadResult result = resourceType(request.getType(), request.getUrn()).read(new ReadRequest(
                    request.getId(), request.getUrn(),
                    decode(request.getInputs()), decode(request.getProperties())));
            if (!result.exists()) {
                // An empty id tells the engine the resource is gone: refresh drops it, import fails cleanly.
                return pulumirpc.Provider.ReadResponse.getDefaultInstance();
            }
            return pulumirpc.Provider.ReadResponse.newBuilder()
                    .setId(result.id())
                    .setProperties(StructCodec.encode(result.outputs(), Unknowns.REJECTED))
                    .setInputs(StructCodec.encode(result.inputs(), Unknowns.REJECTED))
                    .build();
        });
    }

    @Override
    public void update(pulumirpc.Provider.UpdateRequest request, StreamObserver<pulumirpc.Provider.UpdateResponse> response) {
        answer(response, () -> {
            UpdateResult result = resourceType(request.getType(), request.getUrn()).update(new UpdateRequest(
                    request.getId(), request.getUrn(),
                    decode(request.getOldInputs()),
                    decode(request.getOlds()),
                    decode(request.getNews()),
                    timeoutOf(request.getTimeout()), request.getPreview(),
                    List.copyOf(request.getIgnoreChangesList())));
            return pulumirpc.Provider.UpdateResponse.newBuilder()
                    .setProperties(StructCodec.encode(result.outputs(), unknownsIn(request.getPreview())))
                    .build();
        });
    }

    @Override
    public void delete(pulumirpc.Provider.DeleteRequest request, StreamObserver<Empty> response) {
        answer(response, () -> {
            resourceType(request.getType(), request.getUrn()).delete(new DeleteRequest(
                    request.getId(), request.getUrn(),
                    decode(request.getOldInputs()), decode(request.getProperties()),
                    timeoutOf(request.getTimeout())));
            return Empty.getDefaultInstance();
        });
    }

    // ---- functions ----------------------------------------------------------------------------------------------

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> response) {
        answer(response, () -> {
            if (DeletePreflight.isToken(request.getTok(), provider().packageName())) {
                return DeletePreflight.answer(provider(), request);
            }
            ProviderFunction function = provider().function(request.getTok()).orElseThrow(() ->
                    Status.INVALID_ARGUMENT.withDescription("unknown function \"" + request.getTok() + "\" in package "
                            + provider().packageName() + "; see the package schema for its functions")
                            .asRuntimeException());
            ProviderFunction.Result result = function.invoke(decode(request.getArgs()));
            var wire = InvokeResponse.newBuilder().addAllFailures(toWire(result.failures()));
            if (result.failures().isEmpty()) {
                wire.setReturn(StructCodec.encode(result.value(), unknownsIn(request.getPreview())));
            }
            return wire.build();
        });
    }

    // ---- translation --------------------------------------------------------------------------------------------

    private static Map<String, Object> decode(Struct properties) {
        return StructCodec.decode(properties, StructCodec.Decoding.PROVIDER);
    }

    private ResourceHandler resourceType(String type, String urn) {
        String token = type.isEmpty() ? typeOf(urn) : type;
        return provider().resource(token).orElseThrow(() -> Status.INVALID_ARGUMENT
                .withDescription("unknown resource type \"" + token + "\" in package " + provider().packageName()
                        + "; see the package schema for its resources")
                .asRuntimeException());
    }

    /** The resource type from a URN {@code urn:pulumi:stack::project::parent$type::name}. */
    static String typeOf(String urn) {
        String[] parts = urn.split("::", -1);
        if (parts.length < 4) {
            throw Status.INVALID_ARGUMENT.withDescription("request has no type and a malformed URN \"" + urn + "\"")
                    .asRuntimeException();
        }
        String qualifiedType = parts[2];
        return qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1);
    }

    /** The request's custom timeout in seconds (0 means none given) as a Duration, or null for the default. */
    static Duration timeoutOf(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return null;
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    private static Unknowns unknownsIn(boolean preview) {
        return preview ? Unknowns.ALLOWED : Unknowns.REJECTED;
    }

    private static pulumirpc.Provider.CheckResponse toWire(CheckResult result) {
        var wire = pulumirpc.Provider.CheckResponse.newBuilder().addAllFailures(toWire(result.failures()));
        if (result.inputs() != null) {
            wire.setInputs(StructCodec.encode(result.inputs(), Unknowns.ALLOWED));
        }
        return wire.build();
    }

    private static List<pulumirpc.Provider.CheckFailure> toWire(List<CheckFailure> failures) {
        return failures.stream()
                .map(failure -> pulumirpc.Provider.CheckFailure.newBuilder()
                        .setProperty(failure.property() == null ? "" : failure.property())
                        .setReason(failure.reason() == null ? "" : failure.reason())
                        .build())
                .toList();
    }

    /** {@code diffs} and {@code replaces} are derived from the detailed diff, so the three always agree. */
    static pulumirpc.Provider.DiffResponse toWire(DiffResult result) {
        var wire = pulumirpc.Provider.DiffResponse.newBuilder()
                .setChanges(result.hasChanges()
                        ? pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME
                        : pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_NONE)
                .addAllDiffs(result.diffs())
                .addAllReplaces(result.replaces())
                .setDeleteBeforeReplace(result.deleteBeforeReplace() && result.requiresReplacement())
                .setHasDetailedDiff(true);
        result.detailedDiff().forEach((path, diff) -> wire.putDetailedDiff(path, toWire(diff)));
        return wire.build();
    }

    private static pulumirpc.Provider.PropertyDiff toWire(PropertyDiff diff) {
        return pulumirpc.Provider.PropertyDiff.newBuilder()
                .setKind(pulumirpc.Provider.PropertyDiff.Kind.valueOf(diff.kind().name()))
                .setInputDiff(diff.inputDiff())
                .build();
    }

    /** Runs one RPC: its answer, or the status its failure maps to. Never lets an exception escape to gRPC. */
    private static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (Throwable failure) {
            var status = GrpcErrors.toStatus(failure);
            if (status.getStatus().getCode() == Status.Code.INTERNAL) {
                log().error("unexpected failure", failure);
            } else if (!(failure instanceof ProviderException)) {
                log().debug("request failed: {}", status.getStatus());
            }
            response.onError(status);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
