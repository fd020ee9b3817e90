package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One preview, update, destroy, refresh or import of a stack, as the engine and the program's resource monitor see
 * it. It puts together the parts that do the work, the seams of the Pulumi engine's deployment: crash recovery
 * ({@link CrashRecovery}), refresh ({@link Refresher}), step generation ({@link StepGenerator}) with its replacements
 * ({@link Replacements}), provider resources ({@link ProviderResources}) and imports ({@link Importer}), deletes
 * ({@link Deletions}), and the step executor that runs every step and records it ({@link StepExecutor}).
 * Registrations arrive concurrently from the program; each call returns when its resource's step is done.
 */
public final class Deployment implements AutoCloseable {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry registry;
    private final RunErrors errors;
    private final StepExecutor executor;
    private final ProviderResources providers;
    private final StepGenerator generator;
    private final Deletions deletions;
    private final Refresher refresher;
    private final Importer importer;
    private final CrashRecovery recovery;
    /** The URNs registered in this run, by the program and for it (default providers, reads). */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Consumer<Object> secretsShown;

    public Deployment(DeploymentSettings settings, Snapshot old, CheckpointStore store, ProviderConnector connector,
                      Map<String, Map<String, Object>> configureOverrides, DeploymentEvents events) {
        this(settings, old, store, connector, configureOverrides, events, values -> { });
    }

    /** {@code secretsShown} learns every value handed to the program, so its secrets can be masked in logs. */
    public Deployment(DeploymentSettings settings, Snapshot old, CheckpointStore store, ProviderConnector connector,
                      Map<String, Map<String, Object>> configureOverrides, DeploymentEvents events,
                      Consumer<Object> secretsShown) {
        this.settings = settings;
        this.secretsShown = secretsShown;
        this.state = new StateTracker(old, store, !settings.dryRun());
        this.registry = new ProviderRegistry(connector, configureOverrides,
                urn -> old.resources().stream().filter(r -> r.urn().equals(urn) && r.isProvider()).findFirst().orElse(null));
        this.errors = new RunErrors(events);
        this.executor = new StepExecutor(settings, state, events, errors);
        InputChecks checks = new InputChecks(errors);
        this.providers = new ProviderResources(settings, state, registry, executor, checks, errors, registered);
        this.deletions = new Deletions(settings, state, registry, executor, events, errors);
        this.importer = new Importer(settings, state, registry, providers, executor, checks, events, errors);
        this.generator = new StepGenerator(settings, state, registry, providers, executor,
                new Replacements(settings, state, registry, deletions, checks, errors), importer, checks,
                registered);
        this.refresher = new Refresher(settings, state, registry, executor);
        this.recovery = new CrashRecovery(settings, state, registry, events);
    }

    public DeploymentSettings settings() {
        return settings;
    }

    public List<Step> steps() {
        return executor.steps();
    }

    public List<String> errors() {
        return errors.list();
    }

    public void reportError(String message) {
        errors.report(message);
    }

    /** An error already shown (the program's own, from its log): recorded for the result, not shown again. */
    public void recordError(String message) {
        errors.record(message);
    }

    public Snapshot snapshot() {
        return state.snapshot();
    }

    public Map<String, Object> stackOutputs() {
        return state.snapshot().stack().map(ResourceState::outputs).orElse(Map.of());
    }

    /** Resolves what a killed run left pending (see {@link CrashRecovery}); the first thing of every run. */
    public void resolvePendingOperations() {
        recovery.resolvePendingOperations();
    }

    public RegisterOutcome register(Registration r) {
        RegisterOutcome outcome = generator.register(r);
        secretsShown.accept(outcome.outputs());
        return outcome;
    }

    public void registerOutputs(String urn, Map<String, Object> outputs) {
        state.rewriteFresh(urn, r -> r.toBuilder().outputs(outputs).build());
    }

    public RegisterOutcome read(String type, String name, String parent, String id, Map<String, Object> properties,
                                String provider, String version, List<String> dependencies) {
        return generator.read(type, name, parent, id, properties, provider, version, dependencies);
    }

    public ProviderClient.InvokeResult invoke(String token, Map<String, Object> args, String provider, String version) {
        String reference = providers.referenceFor(token.substring(0, token.indexOf(':')), token, provider, version);
        return registry.get(reference).invoke(token, args, settings.dryRun());
    }

    /** After the program: delete what it no longer declares, and replaced originals, dependents first. */
    public void deleteUnregistered() {
        deletions.deleteUnregistered(registered);
    }

    /** {@code destroy}: every resource of the stack, dependents first. */
    public void destroyAll() {
        deletions.destroyAll();
    }

    /** Reads every managed resource from its provider and records what is really there (see {@link Refresher}). */
    public void refreshAll() {
        refresher.refreshAll();
    }

    /** {@code ivsstack import}: adopt an existing cloud resource into the stack without running the program. */
    public void importResource(String type, String name, String id) {
        importer.importResource(type, name, id);
    }

    /** {@code ivsstack import --all-owned}: adopts what each declared resource created (see {@link Importer}). */
    public void importOwned(List<Step> declared) {
        importer.importOwned(declared);
    }

    /** Waits until every step has finished (see {@link StepExecutor#awaitRunningSteps()}). */
    public void awaitRunningSteps() {
        executor.awaitRunningSteps();
    }

    @Override
    public void close() {
        registry.close();
    }
}
