package com.ivsstack.engine.exec;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Provider resources: the ones the program registers, and each package's default provider, which the engine
 * registers on first use with the stack's config of that package (Pulumi's default providers). Registering one
 * checks its config, configures an instance and records it; resources, reads and functions name it by reference.
 */
final class ProviderResources {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry registry;
    private final StepExecutor executor;
    private final InputChecks checks;
    private final RunErrors errors;
    private final Set<String> registered;
    private final Map<String, CompletableFuture<String>> defaults = new ConcurrentHashMap<>();

    ProviderResources(DeploymentSettings settings, StateTracker state, ProviderRegistry registry, StepExecutor executor,
                      InputChecks checks, RunErrors errors, Set<String> registered) {
        this.settings = settings;
        this.state = state;
        this.registry = registry;
        this.executor = executor;
        this.checks = checks;
        this.errors = errors;
        this.registered = registered;
    }

    /**
     * The reference of the provider that serves a resource, read or function of a package: the one the program
     * names, else the package's default provider at the version the program asks for.
     */
    String referenceFor(String packageName, String type, String named, String version) {
        requireSupported(packageName, type);
        return named == null || named.isEmpty() ? defaultProvider(packageName, version) : named;
    }

    /** The package's default provider at the plugin's own version, as the SDK of that version would name it. */
    String defaultAtPluginVersion(String packageName, String type) {
        requireSupported(packageName, type);
        String version;
        try (ProviderClient probe = registry.start(packageName)) {
            version = probe.pluginVersion();
        }
        return defaultProvider(packageName, version);
    }

    /** Registers a provider resource; its reference ({@code urn::id}). */
    String register(String urn, String type, Map<String, Object> inputs, String parent, List<String> dependencies,
                    boolean protect) {
        String packageName = ProviderRegistry.packageOf(type);
        requireSupported(packageName, type);
        ResourceState old = state.oldLive(urn).orElse(null);
        ProviderClient client = registry.start(packageName);
        ProviderClient.CheckResult checked = client.checkConfig(urn, old == null ? Map.of() : old.inputs(), inputs);
        checks.requireNoFailures(urn, checked.failures());
        Map<String, Object> config = checked.inputs();
        StepOp op;
        String id;
        if (old == null) {
            op = StepOp.CREATE;
            id = UUID.randomUUID().toString();
        } else {
            op = PropertyValues.same(old.inputs(), config) ? StepOp.SAME : StepOp.UPDATE;
            id = old.id();
            if (op == StepOp.UPDATE) {
                refuseReplacement(client, urn, old, config);
            }
        }
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ResourceState next = ResourceState.builder(urn, type, true).id(id).inputs(config).outputs(config)
                .parent(parent == null || parent.isEmpty() ? null : parent).dependencies(dependencies).protect(protect)
                .created(old == null ? time : old.created()).modified(op == StepOp.SAME ? old.modified() : time).build();
        Step step = Step.planned(op, urn, type, next.links(), true,
                op == StepOp.UPDATE ? PropertyDiffs.compare(old.inputs(), config) : List.of(),
                old == null ? Map.of() : old.inputs(), config, false);
        executor.run(step, () -> {
            registry.configure(client, urn, id, config);
            if (old == null) {
                state.add(next);
            } else {
                state.replaceOld(old, next);
            }
            return null;
        });
        return urn + "::" + id;
    }

    /**
     * A provider whose new config needs a new provider (for IVS, another region or endpoint) has, under the Pulumi
     * CLI, every resource it manages replaced. This engine does not replace providers, and updating one in place
     * would point the stack's resources at a place where they do not exist (a refresh would then drop them from the
     * state, leaving them unmanaged). So the run stops, before any step, and says how to move the stack.
     */
    private void refuseReplacement(ProviderClient client, String urn, ResourceState old, Map<String, Object> config) {
        ProviderClient.DiffResult diff = client.diffConfig(urn, old.outputs(), config, old.inputs());
        if (!diff.requiresReplacement()) {
            return;
        }
        Set<String> keys = new TreeSet<>(diff.replaces());
        diff.detailedDiff().forEach((path, kind) -> {
            if (kind.replaces()) {
                keys.add(path);
            }
        });
        String packageName = ProviderRegistry.packageOf(Urns.type(urn));
        String changed = keys.stream().map(k -> packageName + ":" + k).collect(Collectors.joining(", "));
        throw errors.fail("the change of " + changed + " needs a new provider " + Urns.name(urn) + ", and with it "
                + "every resource it manages would be replaced; ivsstack does not replace providers. To move the "
                + "stack, run 'ivsstack destroy' with the old configuration, then 'ivsstack up' with the new one (or "
                + "deploy it with the Pulumi CLI, which replaces them)");
    }

    /** Registers the package's default provider on first use, with the stack's config of that package. */
    private String defaultProvider(String packageName, String version) {
        String name = version == null || version.isEmpty() ? "default" : "default_" + version.replaceAll("[^A-Za-z0-9]", "_");
        String key = packageName + "/" + name;
        CompletableFuture<String> future = new CompletableFuture<>();
        CompletableFuture<String> existing = defaults.putIfAbsent(key, future);
        if (existing != null) {
            return existing.join();
        }
        try {
            Map<String, Object> inputs = new LinkedHashMap<>();
            String prefix = packageName + ":";
            new TreeMap<>(settings.config()).forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    inputs.put(k.substring(prefix.length()), v);
                }
            });
            if (version != null && !version.isEmpty()) {
                inputs.put("version", version);
            }
            String type = ProviderRegistry.PROVIDER_TYPE_PREFIX + packageName;
            String urn = Urns.create(settings.stack(), settings.project(), null, type, name);
            registered.add(urn);
            String reference = register(urn, type, inputs, null, List.of(), false);
            future.complete(reference);
            return reference;
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            throw e;
        }
    }

    private void requireSupported(String packageName, String type) {
        if (!registry.connector().supports(packageName)) {
            throw errors.fail("resource type '" + type + "' belongs to package '" + packageName + "'; the embedded "
                    + "engine runs only " + String.join(", ", new TreeSet<>(registry.connector().packages()))
                    + " resources. Deploy programs that use other packages with the Pulumi CLI");
        }
    }
}
