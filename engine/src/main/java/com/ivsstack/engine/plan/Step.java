package com.ivsstack.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * A step as shown to people and tools: what happens to which resource, the property changes, and the old and new
 * values. {@code oldValues}/{@code newValues} are inputs (outputs for refresh); secrets stay wrapped.
 */
public record Step(
        StepOp op,
        String urn,
        String type,
        String parentUrn,
        boolean custom,
        List<PropertyChange> changes,
        Map<String, Object> oldValues,
        Map<String, Object> newValues,
        boolean deleteBeforeReplace,
        long elapsedMillis,
        String error) {

    public Step {
        changes = changes == null ? List.of() : List.copyOf(changes);
        oldValues = oldValues == null ? Map.of() : oldValues;
        newValues = newValues == null ? Map.of() : newValues;
    }

    /** A step about to run (not finished: no time, no error); an empty parent is none. */
    public static Step planned(StepOp op, String urn, String type, String parentUrn, boolean custom,
                               List<PropertyChange> changes, Map<String, Object> oldValues,
                               Map<String, Object> newValues, boolean deleteBeforeReplace) {
        return new Step(op, urn, type, parentUrn == null || parentUrn.isEmpty() ? null : parentUrn, custom, changes,
                oldValues, newValues, deleteBeforeReplace, 0, null);
    }

    public String name() {
        return com.ivsstack.engine.state.Urns.name(urn);
    }

    public List<String> replaceReasons() {
        return changes.stream().filter(PropertyChange::forcesReplacement).map(PropertyChange::path).toList();
    }

    public Step finished(long elapsed, String errorMessage) {
        return new Step(op, urn, type, parentUrn, custom, changes, oldValues, newValues, deleteBeforeReplace, elapsed,
                errorMessage);
    }
}
