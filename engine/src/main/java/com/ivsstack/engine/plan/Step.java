package com.ivsstack.engine.plan;

import com.ivsstack.engine.state.ResourceLinks;
import com.ivsstack.engine.state.Urns;
import java.util.List;
import java.util.Map;

/**
 * A step as shown to people and tools: what happens to which resource, the property changes, and the old and new
 * values. {@code oldValues}/{@code newValues} are inputs (outputs for refresh); secrets stay wrapped. {@code links}
 * are what the resource depends on: as the program declares it, or (a delete) as the state recorded it.
 */
public record Step(
        StepOp op,
        String urn,
        String type,
        ResourceLinks links,
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
        links = links == null ? ResourceLinks.NONE : links;
    }

    /** A step about to run (not finished: no time, no error). */
    public static Step planned(StepOp op, String urn, String type, ResourceLinks links, boolean custom,
                               List<PropertyChange> changes, Map<String, Object> oldValues,
                               Map<String, Object> newValues, boolean deleteBeforeReplace) {
        return new Step(op, urn, type, links, custom, changes, oldValues, newValues, deleteBeforeReplace, 0, null);
    }

    public String name() {
        return Urns.name(urn);
    }

    /** The parent's URN, or null. */
    public String parentUrn() {
        return links.parent();
    }

    public List<String> replaceReasons() {
        return changes.stream().filter(PropertyChange::forcesReplacement).map(PropertyChange::path).toList();
    }

    public Step finished(long elapsed, String errorMessage) {
        return new Step(op, urn, type, links, custom, changes, oldValues, newValues, deleteBeforeReplace, elapsed,
                errorMessage);
    }
}
