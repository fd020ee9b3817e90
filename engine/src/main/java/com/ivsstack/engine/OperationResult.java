package com.ivsstack.engine;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a preview, update, destroy, refresh or import did (or, in a preview, would do). */
public record OperationResult(String kind, boolean dryRun, List<Step> steps, List<String> errors,
                              Map<String, Object> outputs, Duration elapsed) {

    public OperationResult {
        steps = List.copyOf(steps);
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** Whether any step changes something (what --expect-no-changes checks). */
    public boolean hasChanges() {
        return steps.stream().anyMatch(s -> s.op().isChange());
    }

    /**
     * What was done (in a preview: what would be), by operation: only the steps that succeeded, as in the Pulumi
     * CLI's summary; the failed ones are {@link #failures()}.
     */
    public Map<StepOp, Integer> counts() {
        Map<StepOp, Integer> counts = new EnumMap<>(StepOp.class);
        for (Step s : steps) {
            if (s.op() == StepOp.DELETE_REPLACED || s.type().startsWith("pulumi:providers:") || s.error() != null) {
                continue; // part of a replacement, counted there; providers are bookkeeping, as in Pulumi's summary
            }
            counts.merge(s.op(), 1, Integer::sum);
        }
        return counts;
    }

    /** The steps that failed (a provider's configuration included: nothing of that provider could go ahead). */
    public int failures() {
        return (int) steps.stream().filter(s -> s.error() != null).count();
    }
}
