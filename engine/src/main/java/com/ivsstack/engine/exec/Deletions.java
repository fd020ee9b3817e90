package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Urns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Deletes: what the program no longer declares and the originals of replacements (after the program), every
 * resource of the stack (destroy). A group of deletes, those of a delete-before-replace too, is checked as a whole
 * before its first delete ({@link DeletePreflight}); the deletes run dependents first, in parallel where nothing
 * depends on what is being deleted.
 */
final class Deletions {
    private final DeploymentSettings settings;
    private final StateTracker state;
    private final ProviderRegistry providers;
    private final StepExecutor executor;
    private final DeploymentEvents events;
    private final RunErrors errors;

    Deletions(DeploymentSettings settings, StateTracker state, ProviderRegistry providers, StepExecutor executor,
              DeploymentEvents events, RunErrors errors) {
        this.settings = settings;
        this.state = state;
        this.providers = providers;
        this.executor = executor;
        this.events = events;
        this.errors = errors;
    }

    /** After the program: delete what it no longer declares, and replaced originals, dependents first. */
    void deleteUnregistered(Set<String> registered) {
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
    void destroyAll() {
        if (!targetsExist(state.untouchedOld().stream().map(ResourceState::urn).toList())) {
            return;
        }
        deleteAll(state.untouchedOld().stream().filter(r -> settings.targeted(r.urn())).toList());
    }

    /**
     * Whether every {@code --target} names a resource of the stack (in its state, or declared by the program); each
     * one that does not is an error naming it, as the Pulumi CLI reports it, and nothing is deleted.
     */
    private boolean targetsExist(Collection<String> known) {
        List<String> missing = settings.targets().stream().filter(t -> !known.contains(t)).toList();
        for (String target : missing) {
            List<String> named = known.stream().filter(urn -> urn.startsWith("urn:pulumi:") && Urns.name(urn).equals(target))
                    .sorted().toList();
            errors.report("--target " + target + " matches no resource of stack '" + settings.stack() + "'"
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
    boolean deletesCanGoAhead(List<ResourceState> group) {
        boolean preview = settings.dryRun();
        Map<String, List<String>> blocked;
        try {
            blocked = DeletePreflight.blockers(group, providers, !preview);
        } catch (RuntimeException e) {
            String message = "cannot check whether the deletes can go ahead: " + RunErrors.messageOf(e);
            if (preview) {
                events.diagnostic(null, "warning", message);
                return true;
            }
            errors.report(message + "; nothing was deleted");
            return false;
        }
        blocked.forEach((urn, reasons) -> reasons.forEach(reason -> {
            if (preview) {
                events.diagnostic(urn, "warning", "cannot be deleted now, so none of this run's deletes will be made: " + reason);
            } else {
                errors.record("delete " + urn + ": " + reason);
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
        if (r.isProvider()) {
            // Providers have no cloud object; they go when nothing uses them.
            if (!settings.dryRun()) {
                state.replaceOld(r, null);
            }
            return;
        }
        Step step = Step.planned(r.delete() ? StepOp.DELETE_REPLACED : StepOp.DELETE, r.urn(), r.type(), r.links(),
                r.custom(), List.of(), r.custom() ? r.inputs() : r.outputs(), Map.of(), false);
        if (r.protect()) {
            executor.run(step, () -> {
                throw new DeploymentException(DeletePreflight.protectedMessage(r.urn()));
            });
        } else if (!r.custom() || r.external() || r.retainOnDelete()) {
            // Nothing to delete in the cloud: the resource only leaves the state.
            executor.run(step, () -> {
                if (!settings.dryRun()) {
                    state.replaceOld(r, null);
                }
                return null;
            });
        } else {
            executor.apply(DeleteStep.delete(step, providers, r));
        }
    }
}
