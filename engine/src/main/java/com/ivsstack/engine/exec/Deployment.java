package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.PropertyDiffs;
import com.ivsstack.engine.plan.PropertyPaths;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.provider.ProviderOperationException;
import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.Urns;
import com.ivsstack.engine.value.Secret;
import com.ivsstack.engine.value.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * One preview, update, destroy, refresh or import of a stack: generates steps the way the Pulumi engine does
 * (same, create, update, replace, delete), runs them against providers, and records state after every step.
 * Registrations arrive concurrently from the program; each call returns when its resource's step is done.
 */
public final class Deployment implements AutoCloseable {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry providers;
    private final DeploymentEvents events;
    private final Semaphore permits;
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final java.util.function.Consumer<Object> secretsShown;
    /** Steps still running; the registering party is the deployment itself (see {@link #awaitRunningSteps()}). */
    private final java.util.concurrent.Phaser runningSteps = new java.util.concurrent.Phaser(1);
    private final Map<String, CompletableFuture<String>> defaultProviders = new ConcurrentHashMap<>();
    /**
     * The step a refresh recorded for each URN (up --refresh): the program's own step for that resource replaces it,
     * so that each resource is counted once.
     */
    private final Map<String, Step> refreshSteps = new ConcurrentHashMap<>();
    private volatile String stackUrn;

    public Deployment(DeploymentSettings settings, Snapshot old, CheckpointStore store, ProviderConnector connector,
                      Map<String, Map<String, Object>> configureOverrides, DeploymentEvents events) {
        this(settings, old, store, connector, configureOverrides, events, values -> { });
    }

    /** {@code secretsShown} learns every value handed to the program, so its secrets can be masked in logs. */
    public Deployment(DeploymentSettings settings, Snapshot old, CheckpointStore store, ProviderConnector connector,
                      Map<String, Map<String, Object>> configureOverrides, DeploymentEvents events,
                      java.util.function.Consumer<Object> secretsShown) {
        this.secretsShown = secretsShown;
        this.settings = settings;
        this.state = new StateTracker(old, store, !settings.dryRun());
        this.providers = new ProviderRegistry(connector, configureOverrides,
                urn -> old.resources().stream().filter(r -> r.urn().equals(urn) && r.isProvider()).findFirst().orElse(null));
        this.events = events;
        this.permits = new Semaphore(Math.max(1, settings.parallel()));
    }

    public DeploymentSettings settings() {
        return settings;
    }

    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public void reportError(String message) {
        errors.add(message);
        events.diagnostic(null, "error", message);
    }

    /** An error already shown (the program's own, from its log): recorded for the result, not shown again. */
    public void recordError(String message) {
        errors.add(message);
    }

    public Snapshot snapshot() {
        return state.snapshot();
    }

    public Map<String, Object> stackOutputs() {
        return state.snapshot().stack().map(ResourceState::outputs).orElse(Map.of());
    }

    // ------------------------------------------------------------------------------------------ crash recovery

    /**
     * Resolves operations a killed run left pending. A pending create is looked up by the provider (Read with an
     * empty id and the URN finds what that create made, by the ownership tag it writes), so nothing is created
     * twice and nothing is leaked; a pending delete is checked with a Read; a pending update is re-applied by the
     * normal diff.
     */
    public void resolvePendingOperations() {
        List<PendingOperation> pending = state.pending();
        if (pending.isEmpty()) {
            return; // nothing to write: a run that then fails leaves the checkpoint as it was
        }
        for (PendingOperation op : pending) {
            ResourceState r = op.resource();
            try {
                if (op.type().equals(PendingOperation.CREATING) && r.custom() && r.provider() != null) {
                    ProviderClient client = providers.get(r.provider());
                    ProviderClient.ReadResult found = client.read(r.urn(), "", Map.of(), r.inputs());
                    if (found.exists()) {
                        state.oldLive(r.urn()).ifPresent(previous -> state.rewriteOld(previous, previous.withDelete(true)));
                        ResourceState adopted = r.toBuilder().id(found.id())
                                .outputs(markSecrets(found.outputs(), r.inputs(), r.additionalSecretOutputs())).build();
                        state.adoptOld(adopted);
                        events.diagnostic(r.urn(), "warning", "a previous run was interrupted while creating this "
                                + "resource; found it (id " + found.id() + ")" + (settings.dryRun()
                                ? ": the update will record it instead of creating it again"
                                : " and recorded it instead of creating it again"));
                    } else {
                        events.diagnostic(r.urn(), "warning", "a previous run was interrupted while creating this "
                                + "resource; the provider found nothing created, so it will be created now");
                    }
                } else if (op.type().equals(PendingOperation.DELETING) && r.custom() && r.provider() != null) {
                    ProviderClient client = providers.get(r.provider());
                    ProviderClient.ReadResult found = client.read(r.urn(), r.id(), r.outputs(), r.inputs());
                    if (!found.exists()) {
                        state.current(r.urn()).filter(c -> r.id().equals(c.id()))
                                .ifPresent(gone -> state.replaceOld(gone, null));
                    }
                    events.diagnostic(r.urn(), "warning", "a previous run was interrupted while deleting this resource"
                            + (found.exists() ? "; it still exists" : settings.dryRun()
                            ? "; it is gone, and the update will remove it from the state"
                            : "; it is gone and was removed from the state"));
                } else {
                    events.diagnostic(r.urn(), "warning", "a previous run was interrupted during '" + op.type()
                            + "' of this resource; this run re-applies the program's settings");
                }
            } finally {
                state.dropPending(op);
            }
        }
        state.save();
    }

    // ------------------------------------------------------------------------------------------ registrations

    public RegisterOutcome register(Registration r) {
        RegisterOutcome outcome = registerUnshown(r);
        secretsShown.accept(outcome.outputs());
        return outcome;
    }

    private RegisterOutcome registerUnshown(Registration r) {
        String urn = Urns.create(settings.stack(), settings.project(), r.parent(), r.type(), r.name());
        if (!registered.add(urn)) {
            throw new DeploymentException("duplicate resource URN '" + urn + "': two resources of type " + r.type()
                    + " are named '" + r.name() + "'; give each a unique name");
        }
        if (r.type().equals(Urns.STACK_TYPE)) {
            stackUrn = urn;
        }
        if (r.type().startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX)) {
            String reference = registerProvider(urn, r.type(), r.inputs(), r.parent(), r.dependencies(), r.protect());
            ResourceState provider = state.current(urn).orElseThrow();
            return new RegisterOutcome(urn, reference.substring(reference.lastIndexOf("::") + 2), provider.outputs());
        }
        if (!r.custom()) {
            return registerComponent(urn, r);
        }
        return registerCustom(urn, r);
    }

    private RegisterOutcome registerComponent(String urn, Registration r) {
        ResourceState old = state.oldLive(urn).orElse(null);
        ResourceState next = ResourceState.builder(urn, r.type(), false)
                .inputs(r.inputs())
                .outputs(old == null ? Map.of() : old.outputs())
                .parent(emptyToNull(r.parent()))
                .protect(r.protect())
                .dependencies(r.dependencies())
                .propertyDependencies(r.propertyDependencies())
                .created(old == null ? now() : old.created())
                .modified(old == null ? now() : old.modified())
                .build();
        StepOp op = old == null ? StepOp.CREATE : (Values.sameValue(old.inputs(), r.inputs()) ? StepOp.SAME : StepOp.UPDATE);
        Step step = step(op, urn, r.type(), r.parent(), false,
                op == StepOp.UPDATE ? PropertyDiffs.compare(old.inputs(), r.inputs()) : List.of(),
                old == null ? Map.of() : old.inputs(), r.inputs(), false);
        run(step, () -> {
            if (old == null) {
                state.add(next);
            } else {
                state.replaceOld(old, next);
            }
            return null;
        });
        return new RegisterOutcome(urn, "", next.outputs());
    }

    public void registerOutputs(String urn, Map<String, Object> outputs) {
        state.rewriteFresh(urn, r -> r.toBuilder().outputs(outputs).build());
    }

    private RegisterOutcome registerCustom(String urn, Registration r) {
        requireSupportedPackage(r.packageName(), r.type());
        String providerRef = r.provider() == null || r.provider().isEmpty()
                ? defaultProvider(r.packageName(), r.version())
                : r.provider();
        ProviderClient client = providers.get(providerRef);
        ResourceState old = state.oldLive(urn).orElse(null);

        if (!settings.targeted(urn)) {
            // Outside --target: leave it exactly as it is.
            if (old == null) {
                return new RegisterOutcome(urn, "", Map.of());
            }
            return new RegisterOutcome(urn, old.id(), old.outputs());
        }

        boolean recreate = old != null && old.pendingReplacement();
        Map<String, Object> news = PropertyPaths.applyIgnoreChanges(old == null ? null : old.inputs(), r.inputs(),
                r.ignoreChanges());
        ResourceState.Builder base = ResourceState.builder(urn, r.type(), true)
                .parent(emptyToNull(r.parent()))
                .provider(providerRef)
                .protect(r.protect())
                .dependencies(r.dependencies())
                .propertyDependencies(r.propertyDependencies())
                .additionalSecretOutputs(r.additionalSecretOutputs())
                .customTimeouts(r.customTimeouts())
                .retainOnDelete(r.retainOnDelete())
                .ignoreChanges(r.ignoreChanges());

        if (r.importId() != null && !r.importId().isEmpty() && (old == null || !r.importId().equals(old.id()))) {
            return importExisting(urn, r, client, base, news);
        }

        ProviderClient.CheckResult checked = client.check(urn, old == null || recreate ? Map.of() : old.inputs(), news, seed(urn));
        requireNoFailures(urn, checked.failures());
        Map<String, Object> inputs = checked.inputs();

        if (old == null || recreate) {
            ResourceState created = create(urn, r, client, base, inputs, recreate ? StepOp.REPLACE : StepOp.CREATE,
                    old, recreate ? PropertyDiffs.compare(old.inputs(), inputs) : List.of());
            return outcome(created);
        }

        ProviderClient.DiffResult diff = client.diff(urn, old.id(), old.outputs(), inputs, old.inputs(), r.ignoreChanges());
        List<PropertyChange> changes;
        boolean hasChanges;
        if (diff.changes() == ProviderClient.Changes.UNKNOWN) {
            changes = PropertyDiffs.compare(old.inputs(), inputs);
            hasChanges = !changes.isEmpty();
        } else {
            changes = PropertyDiffs.fromDetailedDiff(diff.detailedDiff(), old.inputs(), inputs);
            hasChanges = diff.changes() == ProviderClient.Changes.SOME;
        }
        changes = applyReplaceOnChanges(changes, r.replaceOnChanges());
        boolean replace = hasChanges && (diff.requiresReplacement() || changes.stream().anyMatch(PropertyChange::forcesReplacement));

        base.created(old.created());
        if (!hasChanges && old.initErrors().isEmpty()) {
            ResourceState same = base.id(old.id()).inputs(inputs).outputs(old.outputs()).modified(old.modified()).build();
            run(step(StepOp.SAME, urn, r.type(), r.parent(), true, List.of(), old.inputs(), inputs, false), () -> {
                state.replaceOld(old, same);
                return null;
            });
            return new RegisterOutcome(urn, same.id(), same.outputs());
        }
        if (!replace) {
            return outcome(update(urn, r, client, base, old, inputs, changes));
        }
        if (old.protect()) {
            String message = "resource " + urn + " is protected and would be replaced (because of "
                    + String.join(", ", changes.stream().filter(PropertyChange::forcesReplacement).map(PropertyChange::path).toList())
                    + "); remove the protect option first, run up, then make this change";
            reportError(message);
            throw new DeploymentException(message);
        }
        boolean deleteFirst = r.deleteBeforeReplaceDefined() ? r.deleteBeforeReplace() : diff.deleteBeforeReplace();
        // Replacements start from fresh defaults: Check again without the old inputs.
        ProviderClient.CheckResult rechecked = client.check(urn, Map.of(), news, seed(urn));
        requireNoFailures(urn, rechecked.failures());
        if (deleteFirst) {
            List<ResourceState> condemned = new ArrayList<>(condemnedDependents(old));
            condemned.add(old);
            if (!deletesCanGoAhead(condemned)) {
                throw new DeploymentException("the replacement of " + urn + " must delete it first, and that delete "
                        + "cannot go ahead (see above); nothing was deleted");
            }
            if (!settings.dryRun()) {
                ResourceState marked = deleteBeforeReplace(condemned);
                return outcome(create(urn, r, client, base, rechecked.inputs(), StepOp.REPLACE, marked, changes, true));
            }
        }
        return outcome(createReplacement(urn, r, client, base, old, rechecked.inputs(), changes, deleteFirst));
    }

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

    private RegisterOutcome outcome(ResourceState s) {
        Map<String, Object> outputs = s.outputs();
        if (settings.dryRun()) {
            // The Java SDK cannot take partially known values: unknown top-level outputs are left out, which the
            // SDK resolves as unknown in a preview.
            Map<String, Object> known = new LinkedHashMap<>();
            outputs.forEach((k, v) -> {
                if (!Values.containsUnknown(v)) {
                    known.put(k, v);
                }
            });
            outputs = known;
        }
        String id = s.id() == null || Values.isUnknown(s.id()) ? "" : s.id();
        return new RegisterOutcome(s.urn(), id, outputs);
    }

    private ResourceState create(String urn, Registration r, ProviderClient client, ResourceState.Builder base,
                                 Map<String, Object> inputs, StepOp op, ResourceState old, List<PropertyChange> changes) {
        return create(urn, r, client, base, inputs, op, old, changes, false);
    }

    private ResourceState create(String urn, Registration r, ProviderClient client, ResourceState.Builder base,
                                 Map<String, Object> inputs, StepOp op, ResourceState old, List<PropertyChange> changes,
                                 boolean deleteBeforeReplace) {
        Step step = step(op, urn, r.type(), r.parent(), true, changes, old == null ? Map.of() : old.inputs(), inputs,
                deleteBeforeReplace);
        return run(step, () -> withPermit(() -> {
            String time = now();
            ResourceState pendingState = base.inputs(inputs).created(time).modified(time).build();
            if (settings.dryRun()) {
                ProviderClient.CreateResult result = client.create(urn, inputs, timeout(r, "create"), true);
                ResourceState planned = pendingState.toBuilder().id(result.id())
                        .outputs(markSecrets(result.outputs(), inputs, r.additionalSecretOutputs())).build();
                if (old == null) {
                    state.add(planned);
                } else {
                    state.replaceOld(old, planned);
                }
                return planned;
            }
            PendingOperation pending = new PendingOperation(pendingState, PendingOperation.CREATING);
            state.begin(pending);
            try {
                ProviderClient.CreateResult result = client.create(urn, inputs, timeout(r, "create"), false);
                ResourceState created = pendingState.toBuilder().id(result.id())
                        .outputs(markSecrets(result.outputs(), inputs, r.additionalSecretOutputs())).build();
                state.complete(pending, old, created);
                return created;
            } catch (ProviderOperationException e) {
                if (e.isPartial()) {
                    ResourceState partial = pendingState.toBuilder().id(e.partialId())
                            .outputs(markSecrets(e.partialOutputs(), inputs, r.additionalSecretOutputs()))
                            .initErrors(e.reasons()).build();
                    state.complete(pending, old, partial);
                } else if (!e.outcomeUnknown()) {
                    state.end(pending);
                }
                throw e;
            }
        }));
    }

    private ResourceState createReplacement(String urn, Registration r, ProviderClient client, ResourceState.Builder base,
                                            ResourceState old, Map<String, Object> inputs, List<PropertyChange> changes,
                                            boolean deleteBeforeReplace) {
        Step step = step(StepOp.REPLACE, urn, r.type(), r.parent(), true, changes, old.inputs(), inputs, deleteBeforeReplace);
        return run(step, () -> withPermit(() -> {
            String time = now();
            ResourceState pendingState = base.inputs(inputs).created(time).modified(time).build();
            ProviderClient.CreateResult result;
            if (settings.dryRun()) {
                result = client.create(urn, inputs, timeout(r, "create"), true);
                ResourceState planned = pendingState.toBuilder().id(result.id())
                        .outputs(markSecrets(result.outputs(), inputs, r.additionalSecretOutputs())).build();
                state.completeReplacement(null, old, planned);
                return planned;
            }
            PendingOperation pending = new PendingOperation(pendingState, PendingOperation.CREATING);
            state.begin(pending);
            try {
                result = client.create(urn, inputs, timeout(r, "create"), false);
            } catch (RuntimeException e) {
                if (!(e instanceof ProviderOperationException failure && failure.outcomeUnknown())) {
                    state.end(pending);
                }
                throw e;
            }
            ResourceState created = pendingState.toBuilder().id(result.id())
                    .outputs(markSecrets(result.outputs(), inputs, r.additionalSecretOutputs())).build();
            // The old resource stays in the checkpoint, marked for deletion after the program finishes.
            state.completeReplacement(pending, old, created);
            return created;
        }));
    }

    private ResourceState update(String urn, Registration r, ProviderClient client, ResourceState.Builder base,
                                 ResourceState old, Map<String, Object> inputs, List<PropertyChange> changes) {
        Step step = step(StepOp.UPDATE, urn, r.type(), r.parent(), true, changes, old.inputs(), inputs, false);
        return run(step, () -> withPermit(() -> {
            if (settings.dryRun()) {
                Map<String, Object> outputs = client.update(urn, old.id(), old.outputs(), inputs, old.inputs(),
                        timeout(r, "update"), r.ignoreChanges(), true);
                ResourceState planned = base.id(old.id()).inputs(inputs)
                        .outputs(markSecrets(outputs, inputs, r.additionalSecretOutputs())).build();
                state.replaceOld(old, planned);
                return planned;
            }
            PendingOperation pending = new PendingOperation(old, PendingOperation.UPDATING);
            state.begin(pending);
            try {
                Map<String, Object> outputs = client.update(urn, old.id(), old.outputs(), inputs, old.inputs(),
                        timeout(r, "update"), r.ignoreChanges(), false);
                ResourceState updated = base.id(old.id()).inputs(inputs)
                        .outputs(markSecrets(outputs, inputs, r.additionalSecretOutputs())).modified(now()).build();
                state.complete(pending, old, updated);
                return updated;
            } catch (ProviderOperationException e) {
                if (e.isPartial()) {
                    // Pulumi keeps the old inputs with the new outputs, so the next run retries the update.
                    ResourceState partial = old.toBuilder().outputs(markSecrets(e.partialOutputs(), inputs,
                            r.additionalSecretOutputs())).initErrors(e.reasons()).build();
                    state.complete(pending, old, partial);
                } else {
                    state.end(pending);
                }
                throw e;
            }
        }));
    }

    /**
     * Delete-before-replace: first the dependents whose own diff would replace them once this resource's outputs
     * change (dependents first), then the resource itself (the last of the list). Each stays in the checkpoint marked
     * pendingReplacement, and is created again when the program registers it.
     */
    private ResourceState deleteBeforeReplace(List<ResourceState> condemnedThenOld) {
        ResourceState marked = null;
        for (ResourceState victim : condemnedThenOld) {
            marked = deleteForReplacement(victim, providers.get(victim.provider()));
        }
        return marked;
    }

    private ResourceState deleteForReplacement(ResourceState victim, ProviderClient client) {
        Step step = step(StepOp.DELETE_REPLACED, victim.urn(), victim.type(), victim.parent(), true, List.of(),
                victim.inputs(), Map.of(), true);
        return run(step, () -> withPermit(() -> {
            PendingOperation pending = new PendingOperation(victim, PendingOperation.DELETING);
            state.begin(pending);
            try {
                client.delete(victim.urn(), victim.id(), victim.outputs(), victim.inputs(), victim.customTimeouts()
                        .getOrDefault("delete", 0.0));
            } catch (RuntimeException e) {
                state.end(pending);
                throw e;
            }
            ResourceState marked = victim.toBuilder().pendingReplacement(true).build();
            state.completeRewrite(pending, victim, marked);
            return marked;
        }));
    }

    /** Old resources that must be deleted before {@code root} is, in the order to delete them (dependents first). */
    private List<ResourceState> condemnedDependents(ResourceState root) {
        List<ResourceState> live = state.untouchedOld().stream().filter(r -> !r.delete() && !r.pendingReplacement()).toList();
        Set<String> replaced = new LinkedHashSet<>();
        replaced.add(root.urn());
        List<ResourceState> condemned = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ResourceState candidate : live) {
                if (replaced.contains(candidate.urn()) || !candidate.custom() || candidate.isProvider()) {
                    continue;
                }
                Set<String> via = new HashSet<>(candidate.allDependencies());
                via.retainAll(replaced);
                if (via.isEmpty()) {
                    continue;
                }
                if (wouldReplace(candidate, via)) {
                    replaced.add(candidate.urn());
                    condemned.add(candidate);
                    grew = true;
                }
            }
        }
        // Dependents before what they depend on.
        List<ResourceState> ordered = new ArrayList<>(Snapshot.dependencyOrdered(condemned));
        Collections.reverse(ordered);
        return ordered;
    }

    /** Asks the dependent's provider whether it would be replaced if the properties fed by {@code via} changed. */
    private boolean wouldReplace(ResourceState dependent, Set<String> via) {
        Map<String, Object> inputs = new LinkedHashMap<>(dependent.inputs());
        boolean anyProperty = false;
        for (Map.Entry<String, List<String>> e : dependent.propertyDependencies().entrySet()) {
            if (e.getValue().stream().anyMatch(via::contains)) {
                inputs.put(e.getKey(), Values.UNKNOWN);
                anyProperty = true;
            }
        }
        if (!anyProperty) {
            // Without property dependencies every input may carry the replaced resource's outputs.
            inputs.replaceAll((k, v) -> Values.UNKNOWN);
        }
        ProviderClient.DiffResult diff = providers.get(dependent.provider())
                .diff(dependent.urn(), dependent.id(), dependent.outputs(), inputs, dependent.inputs(), List.of());
        return diff.requiresReplacement();
    }

    private RegisterOutcome importExisting(String urn, Registration r, ProviderClient client, ResourceState.Builder base,
                                           Map<String, Object> news) {
        ProviderClient.ReadResult read = withPermit(() -> client.read(urn, r.importId(), Map.of(), Map.of()));
        if (!read.exists()) {
            String message = "cannot import " + urn + ": resource '" + r.importId() + "' does not exist";
            reportError(message);
            throw new DeploymentException(message);
        }
        Map<String, Object> importedInputs = read.inputs() == null ? Map.of() : read.inputs();
        ProviderClient.CheckResult checked = client.check(urn, importedInputs, news, seed(urn));
        requireNoFailures(urn, checked.failures());
        ProviderClient.DiffResult diff = client.diff(urn, read.id(), read.outputs(), checked.inputs(), importedInputs, List.of());
        List<PropertyChange> changes = PropertyDiffs.fromDetailedDiff(diff.detailedDiff(), importedInputs, checked.inputs());
        String time = now();
        ResourceState imported = base.id(read.id()).importId(r.importId()).inputs(importedInputs)
                .outputs(markSecrets(read.outputs(), importedInputs, r.additionalSecretOutputs()))
                .created(time).modified(time).build();
        run(step(StepOp.IMPORT, urn, r.type(), r.parent(), true, List.of(), Map.of(), importedInputs, false), () -> {
            state.oldLive(urn).ifPresentOrElse(previous -> state.replaceOld(previous, null), () -> { });
            state.adoptOld(imported);
            state.save();
            return null;
        });
        if (diff.changes() != ProviderClient.Changes.SOME) {
            state.replaceOld(imported, imported.toBuilder().inputs(checked.inputs()).build());
            return outcome(imported);
        }
        // The current Pulumi engine imports, then updates the resource to the program's settings.
        return outcome(update(urn, r, client, imported.toBuilder(), imported, checked.inputs(), changes));
    }

    // ------------------------------------------------------------------------------------------ providers

    /** Registers the package's default provider on first use, with the stack's config of that package. */
    private String defaultProvider(String packageName, String version) {
        String name = version == null || version.isEmpty() ? "default" : "default_" + version.replaceAll("[^A-Za-z0-9]", "_");
        String key = packageName + "/" + name;
        CompletableFuture<String> future = new CompletableFuture<>();
        CompletableFuture<String> existing = defaultProviders.putIfAbsent(key, future);
        if (existing != null) {
            return existing.join();
        }
        try {
            Map<String, Object> inputs = new LinkedHashMap<>();
            String prefix = packageName + ":";
            new java.util.TreeMap<>(settings.config()).forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    inputs.put(k.substring(prefix.length()), v);
                }
            });
            if (version != null && !version.isEmpty()) {
                inputs.put("version", version);
            }
            String urn = Urns.create(settings.stack(), settings.project(), null, "pulumi:providers:" + packageName, name);
            registered.add(urn);
            String reference = registerProvider(urn, "pulumi:providers:" + packageName, inputs, null, List.of(), false);
            future.complete(reference);
            return reference;
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            throw e;
        }
    }

    private String registerProvider(String urn, String type, Map<String, Object> inputs, String parent,
                                    List<String> dependencies, boolean protect) {
        String packageName = ProviderRegistry.packageOf(type);
        requireSupportedPackage(packageName, type);
        ResourceState old = state.oldLive(urn).orElse(null);
        ProviderClient client = providers.start(packageName);
        ProviderClient.CheckResult checked = client.checkConfig(urn, old == null ? Map.of() : old.inputs(), inputs);
        requireNoFailures(urn, checked.failures());
        Map<String, Object> config = checked.inputs();
        StepOp op;
        String id;
        if (old == null) {
            op = StepOp.CREATE;
            id = UUID.randomUUID().toString();
        } else {
            op = Values.sameValue(old.inputs(), config) ? StepOp.SAME : StepOp.UPDATE;
            id = old.id();
        }
        String time = now();
        ResourceState next = ResourceState.builder(urn, type, true).id(id).inputs(config).outputs(config)
                .parent(emptyToNull(parent)).dependencies(dependencies).protect(protect)
                .created(old == null ? time : old.created()).modified(op == StepOp.SAME ? old.modified() : time).build();
        Step step = step(op, urn, type, parent, true,
                op == StepOp.UPDATE ? PropertyDiffs.compare(old.inputs(), config) : List.of(),
                old == null ? Map.of() : old.inputs(), config, false);
        run(step, () -> {
            providers.configure(client, urn, id, config);
            if (old == null) {
                state.add(next);
            } else {
                state.replaceOld(old, next);
            }
            return null;
        });
        return urn + "::" + id;
    }

    private void requireSupportedPackage(String packageName, String type) {
        if (!providers.connector().supports(packageName)) {
            String message = "resource type '" + type + "' belongs to package '" + packageName + "'; the embedded "
                    + "engine runs only " + String.join(", ", new java.util.TreeSet<>(providers.connector().packages()))
                    + " resources. Deploy programs that use other packages with the Pulumi CLI";
            reportError(message);
            throw new DeploymentException(message);
        }
    }

    // ------------------------------------------------------------------------------------------ read and invoke

    public RegisterOutcome read(String type, String name, String parent, String id, Map<String, Object> properties,
                                String provider, String version, List<String> dependencies) {
        String urn = Urns.create(settings.stack(), settings.project(), parent, type, name);
        String packageName = type.substring(0, type.indexOf(':'));
        requireSupportedPackage(packageName, type);
        registered.add(urn);
        String providerRef = provider == null || provider.isEmpty() ? defaultProvider(packageName, version) : provider;
        ProviderClient client = providers.get(providerRef);
        Step step = step(StepOp.READ, urn, type, parent, true, List.of(), Map.of(), properties, false);
        return run(step, () -> withPermit(() -> {
            ProviderClient.ReadResult read = client.read(urn, id, properties, Map.of());
            if (!read.exists()) {
                throw new DeploymentException("cannot read " + type + " '" + name + "': resource '" + id + "' does not exist");
            }
            ResourceState external = ResourceState.builder(urn, type, true).id(read.id()).external(true)
                    .inputs(read.inputs() == null ? Map.of() : read.inputs()).outputs(read.outputs())
                    .parent(emptyToNull(parent)).provider(providerRef).dependencies(dependencies).build();
            state.oldLive(urn).ifPresentOrElse(old -> state.replaceOld(old, external), () -> state.add(external));
            return new RegisterOutcome(urn, read.id(), read.outputs());
        }));
    }

    public ProviderClient.InvokeResult invoke(String token, Map<String, Object> args, String provider, String version) {
        String packageName = token.substring(0, token.indexOf(':'));
        requireSupportedPackage(packageName, token);
        String providerRef = provider == null || provider.isEmpty() ? defaultProvider(packageName, version) : provider;
        return providers.get(providerRef).invoke(token, args, settings.dryRun());
    }

    // ------------------------------------------------------------------------------------------ deletes

    /** After the program: delete what it no longer declares, and replaced originals, dependents first. */
    public void deleteUnregistered() {
        Set<String> known = new HashSet<>(registered);
        state.untouchedOld().forEach(r -> known.add(r.urn()));
        if (!targetsExist(known)) {
            return;
        }
        List<ResourceState> candidates = new ArrayList<>();
        for (ResourceState r : state.untouchedOld()) {
            boolean gone = r.delete() || r.pendingReplacement() || !registered.contains(r.urn());
            if (gone && (settings.targeted(r.urn()) || r.delete())) {
                candidates.add(r);
            }
        }
        deleteAll(candidates);
    }

    /** {@code destroy}: every resource of the stack, dependents first. */
    public void destroyAll() {
        if (!targetsExist(state.untouchedOld().stream().map(ResourceState::urn).toList())) {
            return;
        }
        deleteAll(state.untouchedOld().stream().filter(r -> settings.targeted(r.urn())).toList());
    }

    /**
     * Whether every {@code --target} names a resource of the stack (in its state, or declared by the program); each
     * one that does not is an error naming it, as the Pulumi CLI reports it, and nothing is deleted.
     */
    private boolean targetsExist(java.util.Collection<String> known) {
        List<String> missing = settings.targets().stream().filter(t -> !known.contains(t)).toList();
        for (String target : missing) {
            List<String> named = known.stream().filter(urn -> urn.startsWith("urn:pulumi:") && Urns.name(urn).equals(target))
                    .sorted().toList();
            reportError("--target " + target + " matches no resource of stack '" + settings.stack() + "'"
                    + (target.startsWith("urn:pulumi:") ? " (neither in its state nor declared by the program)"
                    : ": targets are URNs" + (named.isEmpty() ? " (urn:pulumi:<stack>::<project>::<type>::<name>)"
                    : "; did you mean " + String.join(" or ", named) + "?")));
        }
        return missing.isEmpty();
    }

    /**
     * The delete preflight of a group, before its first delete: whether any delete would certainly fail (see
     * {@link DeletePreflight}). In a preview the blockers are warnings and the plan goes on; otherwise each is an
     * error and nothing of the group is deleted.
     */
    private boolean deletesCanGoAhead(List<ResourceState> group) {
        boolean preview = settings.dryRun();
        Map<String, List<String>> blocked;
        try {
            blocked = DeletePreflight.blockers(group, providers, !preview);
        } catch (RuntimeException e) {
            String message = "cannot check whether the deletes can go ahead: " + messageOf(e);
            if (preview) {
                events.diagnostic(null, "warning", message);
                return true;
            }
            reportError(message + "; nothing was deleted");
            return false;
        }
        blocked.forEach((urn, reasons) -> reasons.forEach(reason -> {
            if (preview) {
                events.diagnostic(urn, "warning", "cannot be deleted now, so none of this run's deletes will be made: " + reason);
            } else {
                errors.add("delete " + urn + ": " + reason);
                events.diagnostic(urn, "error", reason);
            }
        }));
        if (preview || blocked.isEmpty()) {
            return true;
        }
        events.diagnostic(null, "info", "nothing was deleted: " + blocked.size() + " of the " + group.size()
                + " deletes of this run would fail (above), and a group is deleted whole or not at all");
        return false;
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void deleteAll(List<ResourceState> candidates) {
        if (!deletesCanGoAhead(candidates)) {
            return;
        }
        List<ResourceState> remaining = new ArrayList<>(candidates);
        Set<String> blocked = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallel()));
        try {
            while (!remaining.isEmpty()) {
                // An antichain: resources no remaining resource depends on.
                List<ResourceState> level = new ArrayList<>();
                for (ResourceState r : remaining) {
                    boolean hasDependent = remaining.stream()
                            .anyMatch(o -> o != r && o.allDependencies().contains(r.urn()) && !(o.urn().equals(r.urn())));
                    if (!hasDependent) {
                        level.add(r);
                    }
                }
                if (level.isEmpty()) {
                    level.add(remaining.get(0));
                }
                remaining.removeAll(level);
                List<Future<?>> running = new ArrayList<>();
                for (ResourceState r : level) {
                    if (blocked.contains(r.urn())) {
                        blocked.addAll(r.allDependencies());
                        continue;
                    }
                    running.add(pool.submit(() -> {
                        try {
                            deleteOne(r);
                        } catch (RuntimeException e) {
                            synchronized (blocked) {
                                blocked.addAll(r.allDependencies());
                            }
                        }
                    }));
                }
                for (Future<?> f : running) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new DeploymentException("delete interrupted", e);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void deleteOne(ResourceState r) {
        if (r.pendingReplacement()) {
            // Already deleted by a delete-before-replace whose resource the program dropped.
            state.replaceOld(r, null);
            return;
        }
        StepOp op = r.delete() ? StepOp.DELETE_REPLACED : StepOp.DELETE;
        Step step = step(op, r.urn(), r.type(), r.parent(), r.custom(), List.of(), r.custom() ? r.inputs() : r.outputs(),
                Map.of(), false);
        if (r.isProvider()) {
            // Providers have no cloud object; they go when nothing uses them.
            if (!settings.dryRun()) {
                state.replaceOld(r, null);
            }
            return;
        }
        run(step, () -> {
            if (r.protect()) {
                throw new DeploymentException(DeletePreflight.protectedMessage(r.urn()));
            }
            if (settings.dryRun()) {
                return null;
            }
            if (!r.custom() || r.external() || r.retainOnDelete()) {
                state.replaceOld(r, null);
                return null;
            }
            ProviderClient client = providers.get(r.provider());
            withPermit(() -> {
                PendingOperation pending = new PendingOperation(r, PendingOperation.DELETING);
                state.begin(pending);
                try {
                    client.delete(r.urn(), r.id(), r.outputs(), r.inputs(), r.customTimeouts().getOrDefault("delete", 0.0));
                } catch (RuntimeException e) {
                    state.end(pending);
                    throw e;
                }
                state.complete(pending, r);
                return null;
            });
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ refresh and import

    /**
     * Reads every managed resource from its provider and records what is really there. A read that fails is a failed
     * step and an error of the run (the resource's state is kept as it was): a refresh that could not look must not
     * pass for one that found no drift. The stack and component resources, which have nothing to read, count as
     * unchanged, so a refreshed stack counts each of its resources once.
     */
    public void refreshAll() {
        List<ResourceState> all = state.untouchedOld().stream()
                .filter(r -> !r.isProvider() && !r.pendingReplacement() && !r.delete())
                .filter(r -> settings.targeted(r.urn()))
                .toList();
        for (ResourceState r : all) {
            if (!r.custom() || r.provider() == null) {
                runRefresh(step(StepOp.SAME, r.urn(), r.type(), r.parent(), r.custom(), List.of(), r.outputs(), r.outputs(),
                        false), () -> null);
            }
        }
        List<ResourceState> targets = all.stream().filter(r -> r.custom() && r.provider() != null).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallel()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ResourceState r : targets) {
                running.add(pool.submit(() -> {
                    try {
                        refreshOne(r);
                    } catch (RuntimeException e) {
                        // recorded as a failed step and an error by runRefresh
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new DeploymentException("refresh interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void refreshOne(ResourceState r) {
        ProviderClient.ReadResult read;
        try {
            ProviderClient client = providers.get(r.provider());
            read = withPermit(() -> client.read(r.urn(), r.id(), r.outputs(), r.inputs()));
        } catch (RuntimeException e) {
            runRefresh(step(StepOp.REFRESH, r.urn(), r.type(), r.parent(), true, List.of(), r.outputs(), r.outputs(),
                    false), () -> {
                throw e;
            });
            return;
        }
        if (!read.exists()) {
            runRefresh(step(StepOp.DELETE, r.urn(), r.type(), r.parent(), true, List.of(), r.outputs(), Map.of(), false), () -> {
                state.replaceOld(r, null);
                return null;
            });
            return;
        }
        Map<String, Object> outputs = keepSecretness(read.outputs(), r.outputs());
        Map<String, Object> inputs = read.inputs() == null ? r.inputs() : keepSecretness(read.inputs(), r.inputs());
        List<PropertyChange> changes = PropertyDiffs.compare(r.outputs(), outputs);
        ResourceState refreshed = r.toBuilder().id(read.id()).outputs(outputs).inputs(inputs).build();
        StepOp op = changes.isEmpty() ? StepOp.SAME : StepOp.REFRESH;
        runRefresh(step(op, r.urn(), r.type(), r.parent(), true, changes, r.outputs(), outputs, false), () -> {
            state.rewriteOld(r, refreshed);
            return null;
        });
    }

    /** {@code ivsstack import}: adopt an existing cloud resource into the stack without running the program. */
    public void importResource(String type, String name, String id) {
        String stack = stackResourceUrn();
        String urn = Urns.create(settings.stack(), settings.project(), stack, type, name);
        if (state.current(urn).isPresent()) {
            throw new DeploymentException("the stack already has a resource " + urn + "; choose another name");
        }
        if (!adopt(urn, type, stack, id, Map.of())) {
            String message = "cannot import " + type + " '" + id + "': it does not exist";
            reportError(message);
            throw new DeploymentException(message);
        }
    }

    /**
     * {@code ivsstack import --all-owned}: rebuilds a lost state. Each resource the program declares (the URNs and
     * types of a preview) is looked up by the provider with an empty id, the convention that finds what that URN
     * created (for IVS, by the ownership tag, with the declared inputs' help), and adopted when found; the ones not found
     * are left for up to create.
     */
    public void importOwned(List<Step> declared) {
        String stack = stackResourceUrn();
        for (Step wanted : declared) {
            if (state.current(wanted.urn()).isPresent()) {
                continue;
            }
            String parent = wanted.parentUrn() == null ? stack : wanted.parentUrn();
            Map<String, Object> known = new LinkedHashMap<>();
            wanted.newValues().forEach((k, v) -> {
                if (!Values.containsUnknown(v)) {
                    known.put(k, v);
                }
            });
            adopt(wanted.urn(), wanted.type(), parent, "", known);
        }
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
        String packageName = type.substring(0, type.indexOf(':'));
        requireSupportedPackage(packageName, type);
        // The provider's own version names its default provider, as the SDK of the same version would.
        String version;
        try (ProviderClient probe = providers.start(packageName)) {
            version = probe.pluginVersion();
        }
        String providerRef = defaultProvider(packageName, version);
        ProviderClient client = providers.get(providerRef);
        ProviderClient.ReadResult read = client.read(urn, id, Map.of(), declaredInputs);
        if (!read.exists()) {
            return false;
        }
        Map<String, Object> inputs = read.inputs() == null ? Map.of() : read.inputs();
        ProviderClient.CheckResult checked = client.check(urn, inputs, inputs, seed(urn));
        checked.failures().forEach(f -> events.diagnostic(urn, "warning", "imported inputs do not pass Check: " + f));
        String time = now();
        ResourceState imported = ResourceState.builder(urn, type, true).id(read.id())
                .importId(id == null || id.isEmpty() ? read.id() : id)
                .inputs(inputs).outputs(markSecrets(read.outputs(), inputs, List.of())).parent(parent)
                .provider(providerRef).created(time).modified(time).build();
        run(step(StepOp.IMPORT, urn, type, parent, true, List.of(), Map.of(), inputs, false), () -> {
            ensureStackResource(stackResourceUrn());
            state.add(imported);
            return null;
        });
        return true;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Waits until every step has finished. A failed program leaves steps running on the monitor's threads (a
     * recording configuration waiting to become active, say); the run must not return, and release the stack lock,
     * before their checkpoint writes are done, or those late writes overwrite the next run's state.
     */
    public void awaitRunningSteps() {
        runningSteps.awaitAdvance(runningSteps.arrive());
    }

    private <T> T run(Step planned, Supplier<T> action) {
        return run(planned, action, false);
    }

    /** A step of a refresh: a later step of the same resource in this run (its program step) replaces it. */
    private <T> T runRefresh(Step planned, Supplier<T> action) {
        return run(planned, action, true);
    }

    private <T> T run(Step planned, Supplier<T> action, boolean refresh) {
        runningSteps.register();
        try {
            return runRegistered(planned, action, refresh);
        } finally {
            runningSteps.arriveAndDeregister();
        }
    }

    private <T> T runRegistered(Step planned, Supplier<T> action, boolean refresh) {
        events.stepStarted(planned);
        long start = System.nanoTime();
        try {
            T result = action.get();
            finish(planned.finished((System.nanoTime() - start) / 1_000_000, null), refresh);
            return result;
        } catch (RuntimeException e) {
            String message = messageOf(e);
            finish(planned.finished((System.nanoTime() - start) / 1_000_000, message), refresh);
            errors.add(planned.op().word() + " " + planned.urn() + ": " + message);
            throw e;
        }
    }

    /** Records a finished step; each resource is counted once, by its last step (a refresh's step is replaced). */
    private void finish(Step done, boolean refresh) {
        synchronized (steps) {
            Step refreshed = refresh ? refreshSteps.put(done.urn(), done) : refreshSteps.remove(done.urn());
            if (refreshed != null && !refresh) {
                steps.remove(refreshed);
            }
            steps.add(done);
        }
        events.stepFinished(done);
    }

    private <T> T withPermit(Supplier<T> action) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted while waiting to run a step", e);
        }
        try {
            return action.get();
        } finally {
            permits.release();
        }
    }

    private static Step step(StepOp op, String urn, String type, String parent, boolean custom,
                             List<PropertyChange> changes, Map<String, Object> olds, Map<String, Object> news,
                             boolean deleteBeforeReplace) {
        return new Step(op, urn, type, emptyToNull(parent), custom, changes, olds, news, deleteBeforeReplace, 0, null);
    }

    private void requireNoFailures(String urn, List<ProviderClient.Failure> failures) {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder("invalid inputs for " + urn + ":");
            failures.forEach(f -> message.append("\n  - ").append(f));
            reportError(message.toString());
            throw new DeploymentException(message.toString());
        }
    }

    /**
     * Outputs named in additionalSecretOutputs, and outputs whose same-named input was secret, become secret
     * (the Pulumi engine does the same after every step).
     */
    static Map<String, Object> markSecrets(Map<String, Object> outputs, Map<String, Object> inputs,
                                           List<String> additionalSecretOutputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> {
            boolean secret = additionalSecretOutputs.contains(k) || inputs.get(k) instanceof Secret;
            out.put(k, secret && !(v instanceof Secret) && v != null ? new Secret(v) : v);
        });
        return out;
    }

    /** A refreshed value stays secret if it was. */
    private static Map<String, Object> keepSecretness(Map<String, Object> fresh, Map<String, Object> previous) {
        Map<String, Object> out = new LinkedHashMap<>();
        fresh.forEach((k, v) -> out.put(k, previous.get(k) instanceof Secret && !(v instanceof Secret) && v != null
                ? new Secret(v) : v));
        return out;
    }

    private static double timeout(Registration r, String operation) {
        return r.customTimeouts().getOrDefault(operation, 0.0);
    }

    /** A seed derived from the URN: the same resource gets the same random autonames in preview and update. */
    private static byte[] seed(String urn) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(urn.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public void close() {
        providers.close();
    }
}
