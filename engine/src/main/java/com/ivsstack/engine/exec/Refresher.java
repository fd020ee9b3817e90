package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.PropertyDiffs;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Refresh: reads every managed resource from its provider and records what is really there. A read that fails is a
 * failed step and an error of the run (the resource's state is kept as it was): a refresh that could not look must
 * not pass for one that found no drift. The stack and component resources, which have nothing to read, count as
 * unchanged, so a refreshed stack counts each of its resources once.
 */
final class Refresher {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry providers;
    private final StepExecutor executor;

    Refresher(DeploymentSettings settings, StateTracker state, ProviderRegistry providers, StepExecutor executor) {
        this.settings = settings;
        this.state = state;
        this.providers = providers;
        this.executor = executor;
    }

    void refreshAll() {
        List<ResourceState> all = state.untouchedOld().stream()
                .filter(r -> !r.isProvider() && !r.pendingReplacement() && !r.delete())
                .filter(r -> settings.targeted(r.urn()))
                .toList();
        for (ResourceState r : all) {
            if (!r.custom() || r.provider() == null) {
                executor.runRefresh(step(StepOp.SAME, r, List.of(), r.outputs()), () -> null);
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
                        // recorded as a failed step and an error by the executor
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
            read = executor.withPermit(() -> client.read(r.urn(), r.id(), r.outputs(), r.inputs()));
        } catch (RuntimeException e) {
            executor.runRefresh(step(StepOp.REFRESH, r, List.of(), r.outputs()), () -> {
                throw e;
            });
            return;
        }
        if (!read.exists()) {
            executor.runRefresh(step(StepOp.DELETE, r, List.of(), Map.of()), () -> {
                state.replaceOld(r, null);
                return null;
            });
            return;
        }
        Map<String, Object> outputs = SecretOutputs.keep(read.outputs(), r.outputs());
        Map<String, Object> inputs = read.inputs() == null ? r.inputs() : SecretOutputs.keep(read.inputs(), r.inputs());
        List<PropertyChange> changes = PropertyDiffs.compare(r.outputs(), outputs);
        ResourceState refreshed = r.toBuilder().id(read.id()).outputs(outputs).inputs(inputs).build();
        StepOp op = changes.isEmpty() ? StepOp.SAME : StepOp.REFRESH;
        executor.runRefresh(step(op, r, changes, outputs), () -> {
            state.rewriteOld(r, refreshed);
            return null;
        });
    }

    /** A refresh step shows outputs: the recorded ones beside what was found. */
    private static Step step(StepOp op, ResourceState r, List<PropertyChange> changes, Map<String, Object> found) {
        return Step.planned(op, r.urn(), r.type(), r.links(), r.custom(), changes, r.outputs(), found, false);
    }
}
