package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.PropertyDiffs;
import com.ivsstack.engine.plan.PropertyPaths;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.ResourceLinks;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Urns;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.wire.WireSignatures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each registration of the program into its step (Pulumi's step generator): the provider's Check and Diff
 * against the old state decide between same, create, update, replace and import; the step runs before the
 * registration returns, so that dependents see real outputs.
 */
final class StepGenerator {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry registry;
    private final ProviderResources providers;
    private final StepExecutor executor;
    private final Replacements replacements;
    private final Importer importer;
    private final InputChecks checks;
    private final Set<String> registered;

    StepGenerator(DeploymentSettings settings, StateTracker state, ProviderRegistry registry, ProviderResources providers,
                  StepExecutor executor, Replacements replacements, Importer importer, InputChecks checks,
                  Set<String> registered) {
        this.settings = settings;
        this.state = state;
        this.registry = registry;
        this.providers = providers;
        this.executor = executor;
        this.replacements = replacements;
        this.importer = importer;
        this.checks = checks;
        this.registered = registered;
    }

    RegisterOutcome register(Registration r) {
        String urn = Urns.create(settings.stack(), settings.project(), r.parent(), r.type(), r.name());
        if (!registered.add(urn)) {
            throw new DeploymentException("duplicate resource URN '" + urn + "': two resources of type " + r.type()
                    + " are named '" + r.name() + "'; give each a unique name");
        }
        if (r.type().startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX)) {
            String reference = providers.register(urn, r.type(), r.inputs(), r.parent(), r.dependencies(), r.protect());
            ResourceState provider = state.current(urn).orElseThrow();
            return new RegisterOutcome(urn, reference.substring(reference.lastIndexOf("::") + 2), provider.outputs());
        }
        if (!r.custom()) {
            return registerComponent(urn, r);
        }
        return registerCustom(urn, r);
    }

    /** A component (or the stack): no provider; its step records the program's inputs. */
    private RegisterOutcome registerComponent(String urn, Registration r) {
        ResourceState old = state.oldLive(urn).orElse(null);
        String now = now();
        ResourceState next = ResourceState.builder(urn, r.type(), false)
                .inputs(r.inputs())
                .outputs(old == null ? Map.of() : old.outputs())
                .parent(emptyToNull(r.parent()))
                .protect(r.protect())
                .dependencies(r.dependencies())
                .propertyDependencies(r.propertyDependencies())
                .created(old == null ? now : old.created())
                .modified(old == null ? now : old.modified())
                .build();
        StepOp op = old == null ? StepOp.CREATE : (PropertyValues.same(old.inputs(), r.inputs()) ? StepOp.SAME : StepOp.UPDATE);
        Step step = Step.planned(op, urn, r.type(), r.links(null), false,
                op == StepOp.UPDATE ? PropertyDiffs.compare(old.inputs(), r.inputs()) : List.of(),
                old == null ? Map.of() : old.inputs(), r.inputs(), false);
        executor.run(step, () -> {
            if (old == null) {
                state.add(next);
            } else {
                state.replaceOld(old, next);
            }
            return null;
        });
        return new RegisterOutcome(urn, "", next.outputs());
    }

    private RegisterOutcome registerCustom(String urn, Registration r) {
        String providerRef = providers.referenceFor(r.packageName(), r.type(), r.provider(), r.version());
        ProviderClient client = registry.get(providerRef);
        ResourceState old = state.oldLive(urn).orElse(null);
        if (!settings.targeted(urn)) {
            // Outside --target: leave it exactly as it is.
            return old == null ? new RegisterOutcome(urn, "", Map.of()) : new RegisterOutcome(urn, old.id(), old.outputs());
        }
        ResourceState.Builder goal = goal(urn, r, providerRef);
        Map<String, Object> news = PropertyPaths.applyIgnoreChanges(old == null ? null : old.inputs(), r.inputs(),
                r.ignoreChanges());
        boolean importing = r.importId() != null && !r.importId().isEmpty() && (old == null || !r.importId().equals(old.id()));
        ResourceState result = importing
                ? importer.importDeclared(urn, r, client, goal, news)
                : executor.apply(steps(urn, r, client, goal, old, news, r.links(providerRef)));
        return outcome(result);
    }

    /** The steps that take the resource from its old state to the program's: same, create, update or replace. */
    private List<ResourceStep> steps(String urn, Registration r, ProviderClient client, ResourceState.Builder goal,
                                     ResourceState old, Map<String, Object> news, ResourceLinks links) {
        if (old == null || old.pendingReplacement()) {
            return List.of(create(urn, r, client, goal, old, news));
        }
        Map<String, Object> inputs = checks.check(client, urn, old.inputs(), news);
        ProviderClient.DiffResult diff = client.diff(urn, old.id(), old.outputs(), inputs, old.inputs(), r.ignoreChanges());
        List<PropertyChange> changes = diff.changes() == ProviderClient.Changes.UNKNOWN
                ? PropertyDiffs.compare(old.inputs(), inputs)
                : PropertyDiffs.fromDetailedDiff(diff.detailedDiff(), old.inputs(), inputs);
        boolean hasChanges = diff.changes() == ProviderClient.Changes.UNKNOWN ? !changes.isEmpty()
                : diff.changes() == ProviderClient.Changes.SOME;
        changes = applyReplaceOnChanges(changes, r.replaceOnChanges());
        goal.created(old.created());
        if (!hasChanges && old.initErrors().isEmpty()) {
            return List.of(new SameStep(Step.planned(StepOp.SAME, urn, r.type(), links, true, List.of(),
                    old.inputs(), inputs, false), old, goal.id(old.id()).inputs(inputs).outputs(old.outputs())
                    .modified(old.modified()).build()));
        }
        boolean replace = hasChanges && (diff.requiresReplacement()
                || changes.stream().anyMatch(PropertyChange::forcesReplacement));
        if (replace) {
            return replacements.replace(r, client, goal, old, news, changes, diff);
        }
        return List.of(new UpdateStep(Step.planned(StepOp.UPDATE, urn, r.type(), links, true, changes,
                old.inputs(), inputs, false), client, old, goal.id(old.id()).inputs(inputs).build()));
    }

    /** A create: of a new resource, or again of one that a delete-before-replace deleted ({@code old}). */
    private ResourceStep create(String urn, Registration r, ProviderClient client, ResourceState.Builder goal,
                                ResourceState old, Map<String, Object> news) {
        ResourceState created = goal.inputs(checks.check(client, urn, Map.of(), news)).build();
        Step step = Step.planned(old == null ? StepOp.CREATE : StepOp.REPLACE, urn, r.type(), created.links(), true,
                old == null ? List.of() : PropertyDiffs.compare(old.inputs(), created.inputs()),
                old == null ? Map.of() : old.inputs(), created.inputs(), false);
        return new CreateStep(step, client, created, old, false);
    }

    /** The resource as the program declares it, before its inputs are checked. */
    private static ResourceState.Builder goal(String urn, Registration r, String providerRef) {
        return ResourceState.builder(urn, r.type(), true)
                .parent(emptyToNull(r.parent()))
                .provider(providerRef)
                .protect(r.protect())
                .dependencies(r.dependencies())
                .propertyDependencies(r.propertyDependencies())
                .additionalSecretOutputs(r.additionalSecretOutputs())
                .customTimeouts(r.customTimeouts())
                .retainOnDelete(r.retainOnDelete())
                .ignoreChanges(r.ignoreChanges());
    }

    /** {@code replaceOnChanges}: a change under one of its paths forces a replacement ({@code *}: any change). */
    private static List<PropertyChange> applyReplaceOnChanges(List<PropertyChange> changes, List<String> replaceOnChanges) {
        if (replaceOnChanges == null || replaceOnChanges.isEmpty()) {
            return changes;
        }
        List<PropertyChange> out = new ArrayList<>();
        for (PropertyChange c : changes) {
            boolean forced = replaceOnChanges.stream().anyMatch(p -> p.equals("*") || p.equals(c.path())
                    || c.path().startsWith(p + ".") || c.path().startsWith(p + "["));
            out.add(forced ? new PropertyChange(c.path(), c.kind(), true, c.oldValue(), c.newValue()) : c);
        }
        return out;
    }

    /** ReadResource: a resource the stack does not manage, read by its id. */
    RegisterOutcome read(String type, String name, String parent, String id, Map<String, Object> properties,
                         String provider, String version, List<String> dependencies) {
        String urn = Urns.create(settings.stack(), settings.project(), parent, type, name);
        registered.add(urn);
        String providerRef = providers.referenceFor(type.substring(0, type.indexOf(':')), type, provider, version);
        Step step = Step.planned(StepOp.READ, urn, type, ResourceLinks.of(parent, providerRef, dependencies, Map.of()),
                true, List.of(), Map.of(), properties, false);
        ResourceState read = executor.apply(new ReadStep(step, registry.get(providerRef), providerRef, name, id,
                dependencies));
        return new RegisterOutcome(urn, read.id(), read.outputs());
    }

    /** What the program gets back for a resource. */
    private RegisterOutcome outcome(ResourceState s) {
        Map<String, Object> outputs = s.outputs();
        if (settings.dryRun()) {
            // The Java SDK cannot take partially known values: a top-level output that only contains unknowns is left
            // out, which the SDK resolves as unknown in a preview. A wholly unknown one is sent as Pulumi's unknown
            // sentinel, as the Pulumi engine sends it: the SDK then keeps the resource among the output's
            // dependencies, so that a resource declared with it records its dependency in a preview too.
            Map<String, Object> sent = new LinkedHashMap<>();
            outputs.forEach((k, v) -> {
                if (PropertyValues.isUnknown(v) || !PropertyValues.containsUnknown(v)) {
                    sent.put(k, v);
                }
            });
            outputs = sent;
        }
        String id = s.id() == null || WireSignatures.UNKNOWNS.contains(s.id()) ? "" : s.id();
        return new RegisterOutcome(s.urn(), id, outputs);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
