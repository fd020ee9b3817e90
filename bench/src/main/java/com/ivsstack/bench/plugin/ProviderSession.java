package com.ivsstack.bench.plugin;

import com.google.protobuf.Struct;
import pulumirpc.Provider;

import java.net.URI;
import java.util.Map;

/** The provider protocol calls the benchmarks make, as the engine makes them (Check before Create). */
public final class ProviderSession {

    public static final String CHANNEL = "ivs:index:Channel";
    public static final String STREAM_KEY = "ivs:index:StreamKey";

    private final PluginProcess plugin;

    public ProviderSession(PluginProcess plugin) {
        this.plugin = plugin;
    }

    public static String urn(String type, String name) {
        return "urn:pulumi:bench::ivs-bench::" + type + "::" + name;
    }

    public void configure(URI endpoint) {
        plugin.stub().configure(Provider.ConfigureRequest.newBuilder()
                .setArgs(Wire.struct(Map.of("endpoint", endpoint.toString(), "region", "us-west-2")))
                .setAcceptSecrets(true).setAcceptResources(true).build());
    }

    /** Check, then Create; returns the id and outputs. Throws the gRPC error when the provider fails. */
    public Created create(String type, String name, Map<String, ?> inputs) {
        String urn = urn(type, name);
        var checked = check(type, name, inputs);
        if (checked.getFailuresCount() > 0) {
            throw new IllegalStateException("Check of " + urn + " failed: " + checked.getFailuresList());
        }
        var created = plugin.stub().create(Provider.CreateRequest.newBuilder()
                .setUrn(urn).setType(type).setProperties(checked.getInputs()).setTimeout(600).build());
        return new Created(urn, type, created.getId(), checked.getInputs(), created.getProperties());
    }

    public Provider.CheckResponse check(String type, String name, Map<String, ?> inputs) {
        return plugin.stub().check(Provider.CheckRequest.newBuilder()
                .setUrn(urn(type, name)).setType(type).setNews(Wire.struct(inputs)).setOlds(Struct.getDefaultInstance())
                .setRandomSeed(com.google.protobuf.ByteString.copyFrom(new byte[32])).build());
    }

    /** Read as refresh makes it: the id, the old outputs and inputs; returns the id read (empty when gone). */
    public String read(String type, String urn, String id, Struct outputs, Struct inputs) {
        return plugin.stub().read(Provider.ReadRequest.newBuilder()
                .setUrn(urn).setType(type).setId(id).setProperties(outputs).setInputs(inputs).build()).getId();
    }

    /** Read without waiting for the answer: the engine's refresh has every Read in flight at once. */
    public com.google.common.util.concurrent.ListenableFuture<Provider.ReadResponse> readAsync(
            String type, String urn, String id, Struct outputs, Struct inputs) {
        return plugin.futureStub().read(Provider.ReadRequest.newBuilder()
                .setUrn(urn).setType(type).setId(id).setProperties(outputs).setInputs(inputs).build());
    }

    public void delete(Created resource) {
        plugin.stub().delete(Provider.DeleteRequest.newBuilder()
                .setUrn(resource.urn()).setType(resource.type()).setId(resource.id())
                .setProperties(resource.outputs()).setOldInputs(resource.inputs()).setTimeout(600).build());
    }

    /** A created resource, as the engine's state keeps it. */
    public record Created(String urn, String type, String id, Struct inputs, Struct outputs) {
    }
}
