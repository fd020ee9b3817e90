package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderOperationException;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs the steps of a deployment (Pulumi's step executor): shows each one, times it, records it as finished or
 * failed, and applies the steps of resources with one routine ({@link #apply}). At most {@code --parallel} provider
 * operations run at once.
 */
final class StepExecutor {
    private final boolean dryRun;
    private final StateTracker state;
    private final DeploymentEvents events;
    private final RunErrors errors;
    private final Semaphore permits;
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    /**
     * The step a refresh recorded for each URN (up --refresh): the program's own step for that resource replaces it,
     * so that each resource is counted once.
     */
    private final Map<String, Step> refreshSteps = new ConcurrentHashMap<>();
    /** Steps still running; the registering party is the executor itself (see {@link #awaitRunningSteps()}). */
    private final Phaser runningSteps = new Phaser(1);

    StepExecutor(DeploymentSettings settings, StateTracker state, DeploymentEvents events, RunErrors errors) {
        this.dryRun = settings.dryRun();
        this.state = state;
        this.events = events;
        this.errors = errors;
        this.permits = new Semaphore(Math.max(1, settings.parallel()));
    }

    List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    /** Applies a chain of steps in order (a delete-before-replace's deletes, then its create); the last one's state. */
    ResourceState apply(List<ResourceStep> chain) {
        ResourceState last = null;
        for (ResourceStep step : chain) {
            last = apply(step);
        }
        return last;
    }

    /**
     * Applies the step of a resource: the one routine for creates, updates, replacements, deletes, reads and sames.
     * In a preview the provider is asked what it would do and the answer recorded in memory. Otherwise the pending operation is written first, then the
     * provider called, then the result recorded, ending the pending operation. When the call fails, a resource the
     * provider made or changed anyway (a partial failure) is recorded; a create whose outcome is unknown stays
     * pending, so the next run looks for what it made instead of creating it again; any other pending operation ends.
     */
    ResourceState apply(ResourceStep step) {
        return run(step.planned(), () -> step.callsProvider() ? withPermit(() -> applyNow(step)) : applyNow(step));
    }

    private ResourceState applyNow(ResourceStep step) {
        if (dryRun) {
            ResourceState planned = step.call(true);
            step.record(state, null, planned);
            return planned;
        }
        PendingOperation pending = step.pending();
        if (pending != null) {
            state.begin(pending);
        }
        ResourceState after;
        try {
            after = step.call(false);
        } catch (RuntimeException e) {
            ResourceState partial = e instanceof ProviderOperationException failure && failure.isPartial()
                    ? step.partial(failure) : null;
            if (partial != null) {
                step.record(state, pending, partial);
            } else if (pending != null && !(pending.type().equals(PendingOperation.CREATING)
                    && e instanceof ProviderOperationException failure && failure.outcomeUnknown())) {
                state.end(pending);
            }
            throw e;
        }
        step.record(state, pending, after);
        return after;
    }

    /** Runs a step that the state alone records (components, providers, imports, deletes without a provider). */
    <T> T run(Step planned, Supplier<T> action) {
        return run(planned, action, false);
    }

    /** A step of a refresh: a later step of the same resource in this run (its program step) replaces it. */
    <T> T runRefresh(Step planned, Supplier<T> action) {
        return run(planned, action, true);
    }

    private <T> T run(Step planned, Supplier<T> action, boolean refresh) {
        runningSteps.register();
        try {
            events.stepStarted(planned);
            long start = System.nanoTime();
            try {
                T result = action.get();
                finish(planned.finished((System.nanoTime() - start) / 1_000_000, null), refresh);
                return result;
            } catch (RuntimeException e) {
                String message = RunErrors.messageOf(e);
                finish(planned.finished((System.nanoTime() - start) / 1_000_000, message), refresh);
                errors.record(planned.op().word() + " " + planned.urn() + ": " + message);
                throw e;
            }
        } finally {
            runningSteps.arriveAndDeregister();
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

    /** Runs a provider operation once fewer than {@code --parallel} others are running. */
    <T> T withPermit(Supplier<T> action) {
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

    /**
     * Waits until every step has finished. A failed program leaves steps running on the monitor's threads (a
     * recording configuration waiting to become active, say); the run must not return, and release the stack lock,
     * before their checkpoint writes are done, or those late writes overwrite the next run's state.
     */
    void awaitRunningSteps() {
        runningSteps.awaitAdvance(runningSteps.arrive());
    }
}
