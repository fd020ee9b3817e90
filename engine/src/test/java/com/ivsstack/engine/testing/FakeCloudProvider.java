package com.ivsstack.engine.testing;

import static com.ivsstack.pulumi.wire.StructCodec.Decoding.ENGINE;
import static com.ivsstack.pulumi.wire.StructCodec.Unknowns.ALLOWED;

import com.google.protobuf.Empty;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.wire.StructCodec;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Unknown;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pulumirpc.Plugin;
import pulumirpc.Provider;
import pulumirpc.ResourceProviderGrpc;

/**
 * A provider for engine tests, independent of IVS: objects live in a {@link FakeCloud}. Channel "type" and
 * RecordingConfiguration "name" and StreamKey "channelArn" force replacement; StreamKey "value" and Channel
 * "streamKey" outputs are secret. Read with an empty id finds an object by the URN that created it.
 */
public final class FakeCloudProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    private static final Map<String, Set<String>> REPLACE_ON = Map.of(
            "ivs:index:Channel", Set.of("type"),
            "ivs:index:RecordingConfiguration", Set.of("name"),
            "ivs:index:StreamKey", Set.of("channelArn"));

    /** The delete preflight's token for this package (see ProviderClient#deleteBlockers). */
    public static final String CHECK_DELETE = "ivs:ivsstack:checkDelete";

    private final FakeCloud cloud;
    private final long createDelayMillis;
    private final boolean deletePreflight;

    /** @param deletePreflight whether it answers the delete preflight; without, it is a provider that never heard of it */
    public FakeCloudProvider(FakeCloud cloud, long createDelayMillis, boolean deletePreflight) {
        this.cloud = cloud;
        this.createDelayMillis = createDelayMillis;
        this.deletePreflight = deletePreflight;
    }

    public FakeCloudProvider(FakeCloud cloud, long createDelayMillis) {
        this(cloud, createDelayMillis, true);
    }

    public FakeCloudProvider(FakeCloud cloud) {
        this(cloud, 0);
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<Plugin.PluginInfo> response) {
        reply(response, Plugin.PluginInfo.newBuilder().setVersion("0.1.0").build());
    }

    @Override
    public void configure(Provider.ConfigureRequest request, StreamObserver<Provider.ConfigureResponse> response) {
        reply(response, Provider.ConfigureResponse.newBuilder().setAcceptSecrets(true).setSupportsPreview(true).build());
    }

    @Override
    public void check(Provider.CheckRequest request, StreamObserver<Provider.CheckResponse> response) {
        Map<String, Object> news = StructCodec.decode(request.getNews(), ENGINE);
        Provider.CheckResponse.Builder b = Provider.CheckResponse.newBuilder().setInputs(request.getNews());
        Object name = PropertyValues.deepUnwrap(news.get("name"));
        if (name instanceof String s && s.contains("!")) {
            b.addFailures(Provider.CheckFailure.newBuilder().setProperty("name")
                    .setReason("name '" + s + "' must match ^[a-zA-Z0-9-_]*$"));
        }
        reply(response, b.build());
    }

    @Override
    public void diff(Provider.DiffRequest request, StreamObserver<Provider.DiffResponse> response) {
        Map<String, Object> olds = StructCodec.decode(request.getOldInputs(), ENGINE);
        Map<String, Object> news = StructCodec.decode(request.getNews(), ENGINE);
        Set<String> replaceOn = REPLACE_ON.getOrDefault(request.getType(), Set.of());
        Provider.DiffResponse.Builder b = Provider.DiffResponse.newBuilder().setHasDetailedDiff(true);
        TreeSet<String> keys = new TreeSet<>(olds.keySet());
        keys.addAll(news.keySet());
        for (String key : keys) {
            Object o = olds.get(key);
            Object n = news.get(key);
            boolean changed = PropertyValues.containsUnknown(n) || !PropertyValues.same(o, n);
            if (!changed) {
                continue;
            }
            boolean replace = replaceOn.contains(key);
            Provider.PropertyDiff.Kind kind = o == null
                    ? (replace ? Provider.PropertyDiff.Kind.ADD_REPLACE : Provider.PropertyDiff.Kind.ADD)
                    : n == null ? (replace ? Provider.PropertyDiff.Kind.DELETE_REPLACE : Provider.PropertyDiff.Kind.DELETE)
                    : (replace ? Provider.PropertyDiff.Kind.UPDATE_REPLACE : Provider.PropertyDiff.Kind.UPDATE);
            b.putDetailedDiff(key, Provider.PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build());
            b.addDiffs(key);
            if (replace) {
                b.addReplaces(key);
            }
        }
        b.setChanges(b.getDiffsCount() > 0 ? Provider.DiffResponse.DiffChanges.DIFF_SOME : Provider.DiffResponse.DiffChanges.DIFF_NONE);
        reply(response, b.build());
    }

    @Override
    public void create(Provider.CreateRequest request, StreamObserver<Provider.CreateResponse> response) {
        Map<String, Object> inputs = StructCodec.decode(request.getProperties(), ENGINE);
        if (request.getPreview()) {
            Map<String, Object> outputs = outputs(request.getType(), inputs, null);
            reply(response, Provider.CreateResponse.newBuilder().setProperties(StructCodec.encode(outputs, ALLOWED)).build());
            return;
        }
        String id = cloud.nextId(request.getType());
        Map<String, Object> props = plain(inputs);
        cloud.put(new FakeCloud.CloudObject(id, request.getType(), request.getUrn(), props), "create " + name(request.getUrn()));
        if (createDelayMillis > 0) {
            try {
                Thread.sleep(createDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply(response, Provider.CreateResponse.newBuilder().setId(id)
                .setProperties(StructCodec.encode(outputs(request.getType(), props, id), ALLOWED)).build());
    }

    @Override
    public void read(Provider.ReadRequest request, StreamObserver<Provider.ReadResponse> response) {
        var found = request.getId().isEmpty() ? cloud.ownedBy(request.getUrn()) : cloud.get(request.getId());
        if (found.isEmpty()) {
            reply(response, Provider.ReadResponse.getDefaultInstance());
            return;
        }
        FakeCloud.CloudObject o = found.get();
        reply(response, Provider.ReadResponse.newBuilder().setId(o.id())
                .setProperties(StructCodec.encode(outputs(o.type(), o.properties(), o.id()), ALLOWED))
                .setInputs(StructCodec.encode(o.properties(), ALLOWED)).build());
    }

    @Override
    public void update(Provider.UpdateRequest request, StreamObserver<Provider.UpdateResponse> response) {
        Map<String, Object> news = StructCodec.decode(request.getNews(), ENGINE);
        if (request.getPreview()) {
            reply(response, Provider.UpdateResponse.newBuilder()
                    .setProperties(StructCodec.encode(outputs(request.getType(), news, request.getId()), ALLOWED)).build());
            return;
        }
        FakeCloud.CloudObject old = cloud.get(request.getId()).orElseThrow();
        Map<String, Object> props = plain(news);
        cloud.put(new FakeCloud.CloudObject(old.id(), old.type(), old.ownerUrn(), props), "update " + name(request.getUrn()));
        reply(response, Provider.UpdateResponse.newBuilder()
                .setProperties(StructCodec.encode(outputs(request.getType(), props, old.id()), ALLOWED)).build());
    }

    @Override
    public void delete(Provider.DeleteRequest request, StreamObserver<Empty> response) {
        var blocker = cloud.deleteBlocker(request.getId());
        if (blocker.isPresent()) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("deleting " + request.getId() + ": "
                    + blocker.get()).asRuntimeException());
            return;
        }
        cloud.remove(request.getId(), "delete " + name(request.getUrn()));
        reply(response, Empty.getDefaultInstance());
    }

    @Override
    public void invoke(Provider.InvokeRequest request, StreamObserver<Provider.InvokeResponse> response) {
        Map<String, Object> args = StructCodec.decode(request.getArgs(), ENGINE);
        if (request.getTok().equals(CHECK_DELETE)) {
            if (!deletePreflight) {
                response.onError(Status.INVALID_ARGUMENT.withDescription("unknown function \"" + request.getTok()
                        + "\"").asRuntimeException());
                return;
            }
            reply(response, Provider.InvokeResponse.newBuilder().setReturn(StructCodec.encode(deleteBlockers(args), ALLOWED)).build());
            return;
        }
        var found = cloud.get(String.valueOf(args.get("arn")));
        Provider.InvokeResponse.Builder b = Provider.InvokeResponse.newBuilder();
        if (found.isPresent()) {
            b.setReturn(StructCodec.encode(outputs(found.get().type(), found.get().properties(), found.get().id()), ALLOWED));
        } else {
            b.addFailures(Provider.CheckFailure.newBuilder().setProperty("arn").setReason("no such channel"));
        }
        reply(response, b.build());
    }

    /** The preflight's answer: the resources of the group whose objects refuse deletes now. */
    private Map<String, Object> deleteBlockers(Map<String, Object> args) {
        List<Object> blockers = new java.util.ArrayList<>();
        for (Object item : (List<?>) args.get("resources")) {
            Map<?, ?> resource = (Map<?, ?>) item;
            cloud.deleteBlocker(String.valueOf(resource.get("id"))).ifPresent(reason ->
                    blockers.add(Map.of("urn", resource.get("urn"), "reasons", List.of(reason))));
        }
        return Map.of("blockers", blockers);
    }

    /** @param id the object's id, or null in a preview: every output derived from it is then unknown */
    private static Map<String, Object> outputs(String type, Map<String, Object> inputs, String id) {
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        String suffix = id == null ? null : id.substring(id.lastIndexOf('/') + 1);
        out.put("arn", id == null ? Unknown.VALUE : id);
        if (type.equals("ivs:index:Channel")) {
            out.put("playbackUrl", id == null ? Unknown.VALUE : "https://play.example/" + suffix);
            out.put("streamKey", id == null ? Unknown.VALUE : new Secret("sk_live_" + suffix));
        }
        if (type.equals("ivs:index:StreamKey")) {
            out.put("value", id == null ? Unknown.VALUE : new Secret("sk_" + suffix));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> inputs) {
        return (Map<String, Object>) PropertyValues.deepUnwrap(inputs);
    }

    private static String name(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    private static <T> void reply(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }

}
