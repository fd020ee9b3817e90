package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderOperationException;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;

/**
 * A step that changes a resource through its provider (Pulumi's {@code Step.Apply}), in the parts that
 * {@link StepExecutor#apply} runs in order: the pending operation written first, the provider's call, and the record
 * of the call's result, which ends the pending operation in the same checkpoint write.
 */
interface ResourceStep {
    /** The step as shown. */
    Step planned();

    /** Whether the step calls its provider, and so waits for one of the {@code --parallel} places. */
    default boolean callsProvider() {
        return true;
    }

    /** Written to the checkpoint before the call, so that a crash leaves a trace; null when there is nothing to lose. */
    PendingOperation pending();

    /** The provider's part: the resource's state afterwards. In a preview the provider only says what it would do. */
    ResourceState call(boolean preview);

    /** Records the state after the call, ending {@code pending} (null in a preview, or when the step has none). */
    void record(StateTracker state, PendingOperation pending, ResourceState after);

    /** What to record when the call failed but the provider made or changed the resource; null: nothing. */
    default ResourceState partial(ProviderOperationException failure) {
        return null;
    }
}
