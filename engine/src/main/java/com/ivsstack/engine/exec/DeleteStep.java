package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;

/**
 * Deletes a resource through its provider: one the program no longer declares (it leaves the state), or one that a
 * delete-before-replace deletes (it stays in the state, marked pendingReplacement, until its replacement is created).
 * A preview deletes nothing.
 */
final class DeleteStep implements ResourceStep {
    private final Step planned;
    private final ProviderRegistry providers;
    private final ResourceState victim;
    /** For a delete-before-replace: the entry as it stays in the state, waiting for its replacement; else null. */
    private final ResourceState marked;

    private DeleteStep(Step planned, ProviderRegistry providers, ResourceState victim, ResourceState marked) {
        this.planned = planned;
        this.providers = providers;
        this.victim = victim;
        this.marked = marked;
    }

    static DeleteStep delete(Step planned, ProviderRegistry providers, ResourceState victim) {
        return new DeleteStep(planned, providers, victim, null);
    }

    static DeleteStep forReplacement(Step planned, ProviderRegistry providers, ResourceState victim) {
        return new DeleteStep(planned, providers, victim, victim.toBuilder().pendingReplacement(true).build());
    }

    /** The entry a delete-before-replace leaves in the state: the one its replacement's create takes the place of. */
    ResourceState marked() {
        return marked;
    }

    @Override
    public Step planned() {
        return planned;
    }

    @Override
    public PendingOperation pending() {
        return new PendingOperation(victim, PendingOperation.DELETING);
    }

    /** The state after the delete: null when the resource leaves it, marked when it waits for its replacement. */
    @Override
    public ResourceState call(boolean preview) {
        if (preview) {
            return victim;
        }
        providers.get(victim.provider()).delete(victim.urn(), victim.id(), victim.outputs(), victim.inputs(),
                victim.customTimeouts().getOrDefault("delete", 0.0));
        return marked;
    }

    @Override
    public void record(StateTracker state, PendingOperation pending, ResourceState after) {
        if (pending == null) {
            return; // a preview: the resource stays
        }
        if (marked != null) {
            state.completeRewrite(pending, victim, marked);
        } else {
            state.complete(pending, victim);
        }
    }
}
