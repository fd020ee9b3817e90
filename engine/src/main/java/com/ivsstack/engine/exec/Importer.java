package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.PropertyDiffs;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Urns;
import com.ivsstack.pulumi.value.PropertyValues;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import: adopts resources that exist in the cloud into the stack, by id ({@code ivsstack import}, or a
 * registration's {@code import} option) or, to rebuild a lost state, by the URN that created them.
 */
final class Importer {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry registry;
    private final ProviderResources providers;
    private final StepExecutor executor;
    private final InputChecks checks;
    private final DeploymentEvents events;
    private final RunErrors errors;

    Importer(DeploymentSettings settings, StateTracker state, ProviderRegistry registry, ProviderResources providers,
             StepExecutor executor, InputChecks checks, DeploymentEvents events, RunErrors errors) {
        this.settings = settings;
        this.state = state;
        this.registry = registry;
        this.providers = providers;
        this.executor = executor;
        this.checks = checks;
        this.events = events;
        this.errors = errors;
    }

    /** {@code ivsstack import}: adopt an existing cloud resource into the stack without running the program. */
    void importResource(String type, String name, String id) {
        String stack = stackResourceUrn();
        String urn = Urns.create(settings.stack(), settings.project(), stack, type, name);
        if (state.current(urn).isPresent()) {
            throw new DeploymentException("the stack already has a resource " + urn + "; choose another name");
        }
        if (!adopt(urn, type, stack, id, Map.of())) {
            throw errors.fail("cannot import " + type + " '" + id + "': it does not exist");
        }
    }

    /**
     * {@code ivsstack import --all-owned}: rebuilds a lost state. Each resource the program declares (the URNs and
     * types of a preview) is looked up by the provider with an empty id, the convention that finds what that URN
     * created (for IVS, by the ownership tag, with the declared inputs' help), and adopted when found; the ones not found
     * are left for up to create.
     */
    void importOwned(List<Step> declared) {
        String stack = stackResourceUrn();
        for (Step wanted : declared) {
            if (state.current(wanted.urn()).isPresent()) {
                continue;
            }
            String parent = wanted.parentUrn() == null ? stack : wanted.parentUrn();
            Map<String, Object> known = new LinkedHashMap<>();
            wanted.newValues().forEach((k, v) -> {
                if (!PropertyValues.containsUnknown(v)) {
                    known.put(k, v);
                }
            });
            adopt(wanted.urn(), wanted.type(), parent, "", known);
        }
    }

    /**
     * A registration with the {@code import} option: the resource is read by its id and recorded, then, as the
     * current Pulumi engine does, updated to the program's settings where they differ.
     *
     * @param goal the resource as the program declares it
     * @param news the program's inputs
     * @return the imported resource's state
     */
    ResourceState importDeclared(String urn, Registration r, ProviderClient client, ResourceState.Builder goal,
                                 Map<String, Object> news) {
        ProviderClient.ReadResult read = executor.withPermit(() -> client.read(urn, r.importId(), Map.of(), Map.of()));
        if (!read.exists()) {
            throw errors.fail("cannot import " + urn + ": resource '" + r.importId() + "' does not exist");
        }
        Map<String, Object> importedInputs = read.inputs() == null ? Map.of() : read.inputs();
        Map<String, Object> inputs = checks.check(client, urn, importedInputs, news);
        ProviderClient.DiffResult diff = client.diff(urn, read.id(), read.outputs(), inputs, importedInputs, List.of());
        List<PropertyChange> changes = PropertyDiffs.fromDetailedDiff(diff.detailedDiff(), importedInputs, inputs);
        String time = now();
        ResourceState imported = goal.id(read.id()).importId(r.importId()).inputs(importedInputs)
                .outputs(SecretOutputs.mark(read.outputs(), importedInputs, r.additionalSecretOutputs()))
                .created(time).modified(time).build();
        executor.run(Step.planned(StepOp.IMPORT, urn, r.type(), imported.links(), true, List.of(), Map.of(), importedInputs,
                false), () -> {
            state.oldLive(urn).ifPresentOrElse(previous -> state.replaceOld(previous, null), () -> { });
            state.adoptOld(imported);
            state.save();
            return null;
        });
        if (diff.changes() != ProviderClient.Changes.SOME) {
            state.replaceOld(imported, imported.toBuilder().inputs(inputs).build());
            return imported;
        }
        Step update = Step.planned(StepOp.UPDATE, urn, r.type(), imported.links(), true, changes, imported.inputs(), inputs,
                false);
        return executor.apply(new UpdateStep(update, client, imported, imported.toBuilder().inputs(inputs).build()));
    }

    private String stackResourceUrn() {
        return Urns.create(settings.stack(), settings.project(), null, Urns.STACK_TYPE,
                settings.project() + "-" + settings.stack());
    }

    /** The stack resource joins the state with the first resource adopted into it (a failed import writes nothing). */
    private void ensureStackResource(String stack) {
        if (state.current(stack).isEmpty()) {
            state.add(ResourceState.builder(stack, Urns.STACK_TYPE, false).created(now()).modified(now()).build());
        }
    }

    /**
     * Reads the resource (an empty id: the one this URN created, found with the help of the declared inputs) and
     * records it; false when it does not exist.
     */
    private boolean adopt(String urn, String type, String parent, String id, Map<String, Object> declaredInputs) {
        String providerRef = providers.defaultAtPluginVersion(type.substring(0, type.indexOf(':')), type);
        ProviderClient client = registry.get(providerRef);
        ProviderClient.ReadResult read = client.read(urn, id, Map.of(), declaredInputs);
        if (!read.exists()) {
            return false;
        }
        Map<String, Object> inputs = read.inputs() == null ? Map.of() : read.inputs();
        ProviderClient.CheckResult checked = client.check(urn, inputs, inputs, InputChecks.seed(urn));
        checked.failures().forEach(f -> events.diagnostic(urn, "warning", "imported inputs do not pass Check: " + f));
        String time = now();
        ResourceState imported = ResourceState.builder(urn, type, true).id(read.id())
                .importId(id == null || id.isEmpty() ? read.id() : id)
                .inputs(inputs).outputs(SecretOutputs.mark(read.outputs(), inputs, List.of())).parent(parent)
                .provider(providerRef).created(time).modified(time).build();
        executor.run(Step.planned(StepOp.IMPORT, urn, type, imported.links(), true, List.of(), Map.of(), inputs, false), () -> {
            ensureStackResource(stackResourceUrn());
            state.add(imported);
            return null;
        });
        return true;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
