package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.provider.ProviderOperationException;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Updates a resource in place. */
final class UpdateStep implements ResourceStep {
    private final Step planned;
    private final ProviderClient client;
    private final ResourceState old;
    private final ResourceState goal;

    /** @param goal the resource as the program declares it: the old id, the checked new inputs */
    UpdateStep(Step planned, ProviderClient client, ResourceState old, ResourceState goal) {
        this.planned = planned;
        this.client = client;
        this.old = old;
        this.goal = goal;
    }

    @Override
    public Step planned() {
        return planned;
    }

    @Override
    public PendingOperation pending() {
        return new PendingOperation(old, PendingOperation.UPDATING);
    }

    @Override
    public ResourceState call(boolean preview) {
        Map<String, Object> outputs = client.update(goal.urn(), old.id(), old.outputs(), goal.inputs(), old.inputs(),
                goal.customTimeouts().getOrDefault("update", 0.0), goal.ignoreChanges(), preview);
        ResourceState.Builder updated = goal.toBuilder().outputs(SecretOutputs.mark(outputs, goal.inputs(),
                goal.additionalSecretOutputs()));
        if (!preview) {
            updated.modified(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return updated.build();
    }

    @Override
    public void record(StateTracker state, PendingOperation pending, ResourceState after) {
        state.complete(pending, old, after);
    }

    /** Pulumi keeps the old inputs with the new outputs, so the next run retries the update. */
    @Override
    public ResourceState partial(ProviderOperationException failure) {
        return old.toBuilder().outputs(SecretOutputs.mark(failure.partialOutputs(), goal.inputs(),
                goal.additionalSecretOutputs())).initErrors(failure.reasons()).build();
    }
}
