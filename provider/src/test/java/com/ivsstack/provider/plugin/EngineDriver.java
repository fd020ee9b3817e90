package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues the provider calls in the order and shape the Pulumi engine uses (pulumi-protocol.md section 1.6): plugin
 * load, the provider's config lifecycle, then per resource Check, Diff and Create/Update/Read/Delete, with olds being
 * old outputs and old_inputs the old inputs, exactly as the engine fills them.
 */
final class EngineDriver {

    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private final ResourceProviderBlockingStub plugin;
    private final String stack;

    EngineDriver(ResourceProviderBlockingStub plugin, String stack) {
        this.plugin = plugin;
        this.stack = stack;
    }

    /** One resource as the state file keeps it. */
    record State(String urn, String type, String id, Struct inputs, Struct outputs) {
    }

    /** exec -> port -> Handshake (probe) -> GetPluginInfo. */
    String load(String engineAddress) {
        plugin.handshake(ProviderHandshakeRequest.newBuilder()
                .setEngineAddress(engineAddress)
                .setRootDirectory("/tmp").setProgramDirectory("/tmp")
                .setConfigureWithUrn(true).setSupportsViews(true).setSupportsRefreshBeforeUpdate(true)
                .setInvokeWithPreview(true).setAcceptsByteString(true)
                .build());
        return plugin.getPluginInfo(Empty.getDefaultInstance()).getVersion();
    }

    /** The default provider's lifecycle on a fresh stack: CheckConfig(olds {}, news) then Configure with its id. */
    void configure(Struct config, boolean preview) {
        Struct news = config.toBuilder().putFields("version", str("0.1.0")).build();
        CheckResponse checked = plugin.checkConfig(CheckRequest.newBuilder()
                .setUrn(urn("pulumi:providers:ivs", "default_0_1_0"))
                .setOlds(Struct.getDefaultInstance()).setNews(news)
                .setName("default_0_1_0").setType("pulumi:providers:ivs").build());
        assertThat(checked.getFailuresList()).as("CheckConfig failures").isEmpty();
        plugin.configure(ConfigureRequest.newBuilder()
                .setArgs(checked.getInputs())
                .setAcceptSecrets(true).setAcceptResources(true)
                .setSendsOldInputs(true).setSendsOldInputsToDelete(true)
                .setId(preview ? UNKNOWN : UUID.randomUUID().toString())
                .setUrn(urn("pulumi:providers:ivs", "default_0_1_0"))
                .setName("default_0_1_0").setType("pulumi:providers:ivs").build());
    }

    CheckResponse check(String type, String name, Struct olds, Struct news) {
        return plugin.check(CheckRequest.newBuilder().setUrn(urn(type, name)).setOlds(olds).setNews(news)
                .setName(name).setType(type).setRandomSeed(com.google.protobuf.ByteString.copyFrom(new byte[32]))
                .build());
    }

    /** A resource registered for the first time: Check(olds {}) then Create. */
    State create(String type, String name, Struct programInputs, boolean preview, double timeoutSeconds) {
        CheckResponse checked = check(type, name, Struct.getDefaultInstance(), programInputs);
        assertThat(checked.getFailuresList()).as("Check failures of %s", name).isEmpty();
        CreateResponse created = plugin.create(CreateRequest.newBuilder().setUrn(urn(type, name))
                .setProperties(checked.getInputs()).setPreview(preview).setTimeout(timeoutSeconds)
                .setName(name).setType(type).build());
        return new State(urn(type, name), type, created.getId(), checked.getInputs(), created.getProperties());
    }

    State create(String type, String name, Struct programInputs, boolean preview) {
        return create(type, name, programInputs, preview, 0);
    }

    /** A resource already in state: Check(olds = old inputs) then Diff(olds = old outputs, old_inputs). */
    Planned plan(State old, Struct programInputs) {
        CheckResponse checked = check(old.type(), nameOf(old.urn()), old.inputs(), programInputs);
        assertThat(checked.getFailuresList()).as("Check failures of %s", old.urn()).isEmpty();
        DiffResponse diff = plugin.diff(DiffRequest.newBuilder().setId(old.id()).setUrn(old.urn())
                .setOlds(old.outputs()).setOldInputs(old.inputs()).setNews(checked.getInputs())
                .setName(nameOf(old.urn())).setType(old.type()).build());
        return new Planned(old, checked.getInputs(), diff);
    }

    record Planned(State old, Struct checkedInputs, DiffResponse diff) {
    }

    State update(Planned planned, boolean preview) {
        State old = planned.old();
        UpdateResponse updated = plugin.update(UpdateRequest.newBuilder().setId(old.id()).setUrn(old.urn())
                .setOlds(old.outputs()).setOldInputs(old.inputs()).setNews(planned.checkedInputs())
                .setPreview(preview).setName(nameOf(old.urn())).setType(old.type()).build());
        return new State(old.urn(), old.type(), old.id(), planned.checkedInputs(), updated.getProperties());
    }

    /** Create-before-delete replacement: Check again without olds, Create the new one; the old is deleted later. */
    State createReplacement(State old, Struct programInputs) {
        return create(old.type(), nameOf(old.urn()), programInputs, false);
    }

    void delete(State state) {
        plugin.delete(DeleteRequest.newBuilder().setId(state.id()).setUrn(state.urn())
                .setProperties(state.outputs()).setOldInputs(state.inputs())
                .setName(nameOf(state.urn())).setType(state.type()).build());
    }

    /** Refresh: Read with the stored outputs and inputs. */
    ReadResponse refresh(State state) {
        return plugin.read(ReadRequest.newBuilder().setId(state.id()).setUrn(state.urn())
                .setProperties(state.outputs()).setInputs(state.inputs())
                .setName(nameOf(state.urn())).setType(state.type()).build());
    }

    /** Import: Read by id with nothing else known. */
    ReadResponse importById(String type, String name, String id) {
        return plugin.read(ReadRequest.newBuilder().setId(id).setUrn(urn(type, name))
                .setName(name).setType(type).build());
    }

    String urn(String type, String name) {
        return "urn:pulumi:" + stack + "::live-channel::" + type + "::" + name;
    }

    private static String nameOf(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    static Value str(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }

    static Value num(double number) {
        return Value.newBuilder().setNumberValue(number).build();
    }

    static Value bool(boolean bool) {
        return Value.newBuilder().setBoolValue(bool).build();
    }

    static Value obj(Object... keysAndValues) {
        return Value.newBuilder().setStructValue(struct(keysAndValues)).build();
    }

    static Value list(Value... values) {
        return Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder().addAllValues(java.util.List.of(values)))
                .build();
    }

    static Struct struct(Object... keysAndValues) {
        var struct = Struct.newBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            struct.putFields((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return struct.build();
    }

    static Value secret(Value value) {
        return obj("4dabf18193072939515e22adb298388d", str("1b47061264138c4ac30d75fd1eb44270"), "value", value);
    }

    static boolean isSecret(Value value) {
        return value.hasStructValue() && value.getStructValue().getFieldsMap()
                .getOrDefault("4dabf18193072939515e22adb298388d", Value.getDefaultInstance())
                .getStringValue().equals("1b47061264138c4ac30d75fd1eb44270");
    }

    static Value unwrapSecret(Value value) {
        return isSecret(value) ? value.getStructValue().getFieldsMap().get("value") : value;
    }

    /** Whether an unknown sentinel appears anywhere in the value. */
    static boolean containsUnknown(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue().equals(UNKNOWN);
            case LIST_VALUE -> value.getListValue().getValuesList().stream().anyMatch(EngineDriver::containsUnknown);
            case STRUCT_VALUE -> value.getStructValue().getFieldsMap().values().stream()
                    .anyMatch(EngineDriver::containsUnknown);
            default -> false;
        };
    }

    static boolean containsUnknown(Struct struct) {
        return containsUnknown(Value.newBuilder().setStructValue(struct).build());
    }
}
