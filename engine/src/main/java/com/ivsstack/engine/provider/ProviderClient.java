package com.ivsstack.engine.provider;

import static com.ivsstack.pulumi.wire.StructCodec.Decoding.ENGINE;
import static com.ivsstack.pulumi.wire.StructCodec.Unknowns.ALLOWED;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.ivsstack.pulumi.wire.StructCodec;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulumirpc.Provider;
import pulumirpc.ResourceProviderGrpc;

/** Typed calls to one provider instance over the Pulumi provider protocol; values in and out are plain Java values. */
public final class ProviderClient implements AutoCloseable {
    /** The module and member of the delete preflight's token ({@code <package>:ivsstack:checkDelete}). */
    public static final String DELETE_PREFLIGHT = "ivsstack:checkDelete";

    private final String packageName;
    /** Whether the provider answers the delete preflight; false once it said it does not know it. */
    private volatile boolean deletePreflight = true;
    private final ProviderConnector.Connection connection;
    private final ResourceProviderGrpc.ResourceProviderBlockingStub stub;

    public ProviderClient(String packageName, ProviderConnector.Connection connection) {
        this.packageName = packageName;
        this.connection = connection;
        this.stub = ResourceProviderGrpc.newBlockingStub(connection.channel());
    }

    public String packageName() {
        return packageName;
    }

    public record Failure(String property, String reason) {
        @Override
        public String toString() {
            return property == null || property.isEmpty() ? reason : property + ": " + reason;
        }
    }

    public record CheckResult(Map<String, Object> inputs, List<Failure> failures) {
    }

    public enum DiffKind { ADD, ADD_REPLACE, DELETE, DELETE_REPLACE, UPDATE, UPDATE_REPLACE;
        public boolean replaces() {
            return this == ADD_REPLACE || this == DELETE_REPLACE || this == UPDATE_REPLACE;
        }
    }

    public enum Changes { UNKNOWN, NONE, SOME }

    public record DiffResult(Changes changes, List<String> replaces, List<String> diffs,
                             Map<String, DiffKind> detailedDiff, boolean deleteBeforeReplace) {
        public boolean requiresReplacement() {
            return !replaces.isEmpty() || detailedDiff.values().stream().anyMatch(DiffKind::replaces);
        }
    }

    public record CreateResult(String id, Map<String, Object> outputs) {
    }

    public record ReadResult(String id, Map<String, Object> outputs, Map<String, Object> inputs) {
        public boolean exists() {
            return id != null && !id.isEmpty();
        }
    }

    public record InvokeResult(Map<String, Object> result, List<Failure> failures) {
    }

    public void handshake() {
        pluginVersion();
    }

    /** GetPluginInfo: mandatory for every plugin, and the first call made to it. */
    public String pluginVersion() {
        try {
            return stub.getPluginInfo(Empty.getDefaultInstance()).getVersion();
        } catch (StatusRuntimeException e) {
            throw failure("GetPluginInfo", null, e);
        }
    }

    public CheckResult checkConfig(String urn, Map<String, Object> olds, Map<String, Object> news) {
        try {
            Provider.CheckResponse r = stub.checkConfig(checkRequest(urn, olds, news));
            return new CheckResult(r.hasInputs() ? StructCodec.decode(r.getInputs(), ENGINE) : news, failures(r.getFailuresList()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return new CheckResult(news, List.of());
            }
            throw failure("CheckConfig", urn, e);
        }
    }

    /** Sends the config both as {@code args} and as the deprecated {@code variables}, as the Pulumi engine does. */
    @SuppressWarnings("deprecation")
    public void configure(String urn, String id, Map<String, Object> args) {
        Provider.ConfigureRequest.Builder req = Provider.ConfigureRequest.newBuilder()
                .setArgs(StructCodec.encode(args, ALLOWED))
                .setAcceptSecrets(true)
                .setAcceptResources(true)
                .setSendsOldInputs(true)
                .setSendsOldInputsToDelete(true)
                .setUrn(urn)
                .setId(id)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn));
        args.forEach((k, v) -> {
            if (!k.equals("version") && v != null) {
                Object plain = com.ivsstack.pulumi.value.PropertyValues.deepUnwrap(v);
                req.putVariables(packageName + ":config:" + k, plain instanceof String s ? s : String.valueOf(plain));
            }
        });
        try {
            stub.configure(req.build());
        } catch (StatusRuntimeException e) {
            throw failure("Configure", urn, e);
        }
    }

    public CheckResult check(String urn, Map<String, Object> olds, Map<String, Object> news, byte[] randomSeed) {
        try {
            Provider.CheckRequest req = checkRequest(urn, olds, news).toBuilder()
                    .setRandomSeed(com.google.protobuf.ByteString.copyFrom(randomSeed)).build();
            Provider.CheckResponse r = stub.check(req);
            return new CheckResult(r.hasInputs() ? StructCodec.decode(r.getInputs(), ENGINE) : news, failures(r.getFailuresList()));
        } catch (StatusRuntimeException e) {
            throw failure("Check", urn, e);
        }
    }

    private static Provider.CheckRequest checkRequest(String urn, Map<String, Object> olds, Map<String, Object> news) {
        return Provider.CheckRequest.newBuilder()
                .setUrn(urn)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setOlds(StructCodec.encode(olds, ALLOWED))
                .setNews(StructCodec.encode(news, ALLOWED))
                .build();
    }

    public DiffResult diff(String urn, String id, Map<String, Object> oldOutputs, Map<String, Object> news,
                           Map<String, Object> oldInputs, List<String> ignoreChanges) {
        Provider.DiffRequest req = Provider.DiffRequest.newBuilder()
                .setUrn(urn).setId(id == null ? "" : id)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setOlds(StructCodec.encode(oldOutputs, ALLOWED))
                .setNews(StructCodec.encode(news, ALLOWED))
                .setOldInputs(StructCodec.encode(oldInputs, ALLOWED))
                .addAllIgnoreChanges(ignoreChanges)
                .build();
        try {
            return diffResult(stub.diff(req));
        } catch (StatusRuntimeException e) {
            throw failure("Diff", urn, e);
        }
    }

    public DiffResult diffConfig(String urn, Map<String, Object> oldOutputs, Map<String, Object> news,
                                 Map<String, Object> oldInputs) {
        Provider.DiffRequest req = Provider.DiffRequest.newBuilder()
                .setUrn(urn)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setOlds(StructCodec.encode(oldOutputs, ALLOWED))
                .setNews(StructCodec.encode(news, ALLOWED))
                .setOldInputs(StructCodec.encode(oldInputs, ALLOWED))
                .build();
        try {
            return diffResult(stub.diffConfig(req));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return new DiffResult(Changes.UNKNOWN, List.of(), List.of(), Map.of(), false);
            }
            throw failure("DiffConfig", urn, e);
        }
    }

    private static DiffResult diffResult(Provider.DiffResponse r) {
        Map<String, DiffKind> detailed = new LinkedHashMap<>();
        r.getDetailedDiffMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> detailed.put(e.getKey(), DiffKind.values()[e.getValue().getKindValue()]));
        if (!r.getHasDetailedDiff()) {
            // Older providers: derive a detailed diff from the top-level keys.
            for (String key : r.getDiffsList()) {
                detailed.putIfAbsent(key, r.getReplacesList().contains(key) ? DiffKind.UPDATE_REPLACE : DiffKind.UPDATE);
            }
        }
        Changes changes = switch (r.getChanges()) {
            case DIFF_NONE -> Changes.NONE;
            case DIFF_SOME -> Changes.SOME;
            default -> Changes.UNKNOWN;
        };
        return new DiffResult(changes, List.copyOf(r.getReplacesList()), List.copyOf(r.getDiffsList()), detailed,
                r.getDeleteBeforeReplace());
    }

    public CreateResult create(String urn, Map<String, Object> inputs, double timeoutSeconds, boolean preview) {
        Provider.CreateRequest req = Provider.CreateRequest.newBuilder()
                .setUrn(urn)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setProperties(StructCodec.encode(inputs, ALLOWED))
                .setTimeout(timeoutSeconds)
                .setPreview(preview)
                .build();
        try {
            Provider.CreateResponse r = stub.create(req);
            if (!preview && r.getId().isEmpty()) {
                throw new ProviderOperationException("provider " + packageName + " returned an empty id for " + urn,
                        null, null, null, null);
            }
            return new CreateResult(r.getId(), StructCodec.decode(r.getProperties(), ENGINE));
        } catch (StatusRuntimeException e) {
            throw failure("Create", urn, e);
        }
    }

    public ReadResult read(String urn, String id, Map<String, Object> properties, Map<String, Object> inputs) {
        Provider.ReadRequest req = Provider.ReadRequest.newBuilder()
                .setUrn(urn).setId(id == null ? "" : id)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setProperties(StructCodec.encode(properties, ALLOWED))
                .setInputs(StructCodec.encode(inputs, ALLOWED))
                .build();
        try {
            Provider.ReadResponse r = stub.read(req);
            return new ReadResult(r.getId(), StructCodec.decode(r.getProperties(), ENGINE),
                    r.hasInputs() ? StructCodec.decode(r.getInputs(), ENGINE) : null);
        } catch (StatusRuntimeException e) {
            throw failure("Read", urn, e);
        }
    }

    public Map<String, Object> update(String urn, String id, Map<String, Object> oldOutputs, Map<String, Object> news,
                                      Map<String, Object> oldInputs, double timeoutSeconds, List<String> ignoreChanges,
                                      boolean preview) {
        Provider.UpdateRequest req = Provider.UpdateRequest.newBuilder()
                .setUrn(urn).setId(id)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setOlds(StructCodec.encode(oldOutputs, ALLOWED))
                .setNews(StructCodec.encode(news, ALLOWED))
                .setOldInputs(StructCodec.encode(oldInputs, ALLOWED))
                .setTimeout(timeoutSeconds)
                .addAllIgnoreChanges(ignoreChanges)
                .setPreview(preview)
                .build();
        try {
            return StructCodec.decode(stub.update(req).getProperties(), ENGINE);
        } catch (StatusRuntimeException e) {
            throw failure("Update", urn, e);
        }
    }

    public void delete(String urn, String id, Map<String, Object> oldOutputs, Map<String, Object> oldInputs,
                       double timeoutSeconds) {
        Provider.DeleteRequest req = Provider.DeleteRequest.newBuilder()
                .setUrn(urn).setId(id)
                .setName(com.ivsstack.engine.state.Urns.name(urn))
                .setType(com.ivsstack.engine.state.Urns.type(urn))
                .setProperties(StructCodec.encode(oldOutputs, ALLOWED))
                .setOldInputs(StructCodec.encode(oldInputs, ALLOWED))
                .setTimeout(timeoutSeconds)
                .build();
        try {
            stub.delete(req);
        } catch (StatusRuntimeException e) {
            throw failure("Delete", urn, e);
        }
    }

    public InvokeResult invoke(String token, Map<String, Object> args, boolean preview) {
        Provider.InvokeRequest req = Provider.InvokeRequest.newBuilder()
                .setTok(token).setArgs(StructCodec.encode(args, ALLOWED)).setPreview(preview).build();
        try {
            Provider.InvokeResponse r = stub.invoke(req);
            return new InvokeResult(StructCodec.decode(r.getReturn(), ENGINE), failures(r.getFailuresList()));
        } catch (StatusRuntimeException e) {
            throw failure("Invoke " + token, null, e);
        }
    }

    /**
     * One delete of a group asked about by {@link #deleteBlockers}: what the resource's delete would be given.
     */
    public record PlannedDelete(String urn, String type, String id, Map<String, Object> inputs,
                                Map<String, Object> outputs) {
    }

    /**
     * The delete preflight, an ivsstack extension of the protocol: an {@code Invoke} of the reserved token
     * {@code <package>:ivsstack:checkDelete} that answers, for a group of deletes, the reasons each would certainly
     * fail now (changing nothing). A provider that does not know the function (any provider but ours, an older
     * plugin) has no preflight: its deletes are not blocked.
     *
     * @return the reasons by URN, only for the deletes that are blocked
     */
    public Map<String, List<String>> deleteBlockers(List<PlannedDelete> group) {
        if (group.isEmpty() || !deletePreflight) {
            return Map.of();
        }
        String token = packageName + ":" + DELETE_PREFLIGHT;
        List<Object> resources = new ArrayList<>();
        for (PlannedDelete d : group) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("urn", d.urn());
            resource.put("type", d.type());
            resource.put("id", d.id());
            resource.put("inputs", d.inputs());
            resource.put("outputs", d.outputs());
            resources.add(resource);
        }
        Provider.InvokeResponse r;
        try {
            r = stub.invoke(Provider.InvokeRequest.newBuilder().setTok(token)
                    .setArgs(StructCodec.encode(Map.of("resources", resources), ALLOWED)).build());
        } catch (StatusRuntimeException e) {
            String description = e.getStatus().getDescription();
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED
                    || (description != null && description.contains(token))) {
                deletePreflight = false; // the provider does not know the function
                return Map.of();
            }
            throw failure("Invoke " + token, null, e);
        }
        if (r.getFailuresCount() > 0) {
            // Providers that answer an unknown function with failures rather than an error.
            deletePreflight = false;
            return Map.of();
        }
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        Object blockers = StructCodec.decode(r.getReturn(), ENGINE).get("blockers");
        if (blockers instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> blocker && blocker.get("urn") instanceof String urn
                        && blocker.get("reasons") instanceof List<?> reasons && !reasons.isEmpty()) {
                    blocked.put(urn, reasons.stream().map(String::valueOf).toList());
                }
            }
        }
        return blocked;
    }

    private static List<Failure> failures(List<Provider.CheckFailure> list) {
        List<Failure> out = new ArrayList<>();
        list.forEach(f -> out.add(new Failure(f.getProperty(), f.getReason())));
        return out;
    }

    private ProviderOperationException failure(String operation, String urn, StatusRuntimeException e) {
        String description = e.getStatus().getDescription();
        String message = operation + (urn == null ? "" : " " + urn) + " failed: "
                + (description == null ? e.getStatus().getCode().toString() : description);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(Provider.ErrorResourceInitFailed.class)) {
                    try {
                        Provider.ErrorResourceInitFailed init = detail.unpack(Provider.ErrorResourceInitFailed.class);
                        return new ProviderOperationException(message, init.getId(),
                                StructCodec.decode(init.getProperties(), ENGINE), init.getReasonsList(), e);
                    } catch (InvalidProtocolBufferException ignored) {
                        // fall through to a plain failure
                    }
                }
            }
        }
        return new ProviderOperationException(message, null, null, null, e);
    }

    @Override
    public void close() {
        connection.close();
    }
}
