package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.provider.ProviderOperationException;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates a resource: a new one, the replacement of one deleted first, or (create-before-delete) the replacement
 * of one that stays in the state, marked for deletion after the program.
 */
final class CreateStep implements ResourceStep {
    private final Step planned;
    private final ProviderClient client;
    private final ResourceState goal;
    private final ResourceState old;
    private final boolean oldStays;
    /** The goal with its creation time, set once the step runs. */
    private ResourceState creating;

    /**
     * @param goal     the resource as the program declares it, with its checked inputs
     * @param old      the state entry the new resource takes the place of, or null
     * @param oldStays whether {@code old} stays, marked for deletion (create-before-delete)
     */
    CreateStep(Step planned, ProviderClient client, ResourceState goal, ResourceState old, boolean oldStays) {
        this.planned = planned;
        this.client = client;
        this.goal = goal;
        this.old = old;
        this.oldStays = oldStays;
    }

    @Override
    public Step planned() {
        return planned;
    }

    @Override
    public PendingOperation pending() {
        return new PendingOperation(creating(), PendingOperation.CREATING);
    }

    @Override
    public ResourceState call(boolean preview) {
        ProviderClient.CreateResult result = client.create(goal.urn(), goal.inputs(),
                goal.customTimeouts().getOrDefault("create", 0.0), preview);
        return creating().toBuilder().id(result.id()).outputs(SecretOutputs.mark(result.outputs(), goal.inputs(),
                goal.additionalSecretOutputs())).build();
    }

    @Override
    public void record(StateTracker state, PendingOperation pending, ResourceState after) {
        if (oldStays) {
            state.completeReplacement(pending, old, after);
        } else {
            state.complete(pending, old, after);
        }
    }

    /** A create that failed after it made the resource (waiting or tagging failed): recorded with its errors. */
    @Override
    public ResourceState partial(ProviderOperationException failure) {
        if (oldStays) {
            return null;
        }
        return creating().toBuilder().id(failure.partialId()).outputs(SecretOutputs.mark(failure.partialOutputs(),
                goal.inputs(), goal.additionalSecretOutputs())).initErrors(failure.reasons()).build();
    }

    private ResourceState creating() {
        if (creating == null) {
            String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            creating = goal.toBuilder().created(time).modified(time).build();
        }
        return creating;
    }
}
