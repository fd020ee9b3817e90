package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;

/** A resource the program declares as it is: its state is carried over, with no provider call. */
final class SameStep implements ResourceStep {
    private final Step planned;
    private final ResourceState old;
    private final ResourceState same;

    SameStep(Step planned, ResourceState old, ResourceState same) {
        this.planned = planned;
        this.old = old;
        this.same = same;
    }

    @Override
    public Step planned() {
        return planned;
    }

    @Override
    public boolean callsProvider() {
        return false;
    }

    @Override
    public PendingOperation pending() {
        return null;
    }

    @Override
    public ResourceState call(boolean preview) {
        return same;
    }

    @Override
    public void record(StateTracker state, PendingOperation pending, ResourceState after) {
        state.replaceOld(old, after);
    }
}
