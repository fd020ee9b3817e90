package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Unknown;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a resource whose change the provider cannot make in place: create-before-delete (the original is deleted
 * after the program), or delete-before-replace, which first deletes the dependents that the change would replace in
 * turn, then the resource, then creates it again.
 */
final class Replacements {
    private final boolean dryRun;
    private final StateTracker state;
    private final ProviderRegistry providers;
    private final Deletions deletions;
    private final InputChecks checks;
    private final RunErrors errors;

    Replacements(DeploymentSettings settings, StateTracker state, ProviderRegistry providers, Deletions deletions,
                 InputChecks checks, RunErrors errors) {
        this.dryRun = settings.dryRun();
        this.state = state;
        this.providers = providers;
        this.deletions = deletions;
        this.checks = checks;
        this.errors = errors;
    }

    /**
     * The steps of a replacement, in the order to run them.
     *
     * @param goal    the resource as the program declares it (its inputs still to be checked)
     * @param news    the program's inputs
     * @param changes the changes that make the replacement
     * @param diff    the provider's diff
     */
    List<ResourceStep> replace(Registration r, ProviderClient client, ResourceState.Builder goal, ResourceState old,
                               Map<String, Object> news, List<PropertyChange> changes, ProviderClient.DiffResult diff) {
        String urn = old.urn();
        if (old.protect()) {
            throw errors.fail("resource " + urn + " is protected and would be replaced (because of "
                    + String.join(", ", changes.stream().filter(PropertyChange::forcesReplacement).map(PropertyChange::path).toList())
                    + "); remove the protect option first, run up, then make this change");
        }
        boolean deleteFirst = r.deleteBeforeReplaceDefined() ? r.deleteBeforeReplace() : diff.deleteBeforeReplace();
        // Replacements start from fresh defaults: Check again without the old inputs.
        ResourceState replacement = goal.inputs(checks.check(client, urn, Map.of(), news)).build();
        Step step = Step.planned(StepOp.REPLACE, urn, r.type(), replacement.links(), true, changes, old.inputs(),
                replacement.inputs(), deleteFirst);
        if (deleteFirst) {
            List<ResourceState> condemned = new ArrayList<>(condemnedDependents(old));
            condemned.add(old);
            if (!deletions.deletesCanGoAhead(condemned)) {
                throw new DeploymentException("the replacement of " + urn + " must delete it first, and that delete "
                        + "cannot go ahead (see above); nothing was deleted");
            }
            if (!dryRun) {
                return deleteThenCreate(condemned, step, client, replacement);
            }
        }
        // Create-before-delete (and the preview of either): the original stays, marked for deletion after the program.
        return List.of(new CreateStep(step, client, replacement, old, true));
    }

    /**
     * Delete-before-replace: the dependents that the change replaces in turn (dependents first), then the resource,
     * then its replacement. Each deleted one stays in the checkpoint marked pendingReplacement, and is created again
     * when the program registers it.
     */
    private List<ResourceStep> deleteThenCreate(List<ResourceState> condemned, Step create, ProviderClient client,
                                                ResourceState replacement) {
        List<ResourceStep> steps = new ArrayList<>();
        DeleteStep delete = null;
        for (ResourceState victim : condemned) {
            delete = DeleteStep.forReplacement(Step.planned(StepOp.DELETE_REPLACED, victim.urn(), victim.type(),
                    victim.links(), true, List.of(), victim.inputs(), Map.of(), true), providers, victim);
            steps.add(delete);
        }
        steps.add(new CreateStep(create, client, replacement, delete.marked(), false));
        return steps;
    }

    /** Old resources that must be deleted before {@code root} is, in the order to delete them (dependents first). */
    private List<ResourceState> condemnedDependents(ResourceState root) {
        List<ResourceState> live = state.untouchedOld().stream().filter(r -> !r.delete() && !r.pendingReplacement()).toList();
        Set<String> replaced = new LinkedHashSet<>();
        replaced.add(root.urn());
        List<ResourceState> condemned = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ResourceState candidate : live) {
                if (replaced.contains(candidate.urn()) || !candidate.custom() || candidate.isProvider()) {
                    continue;
                }
                Set<String> via = new HashSet<>(candidate.allDependencies());
                via.retainAll(replaced);
                if (via.isEmpty()) {
                    continue;
                }
                if (wouldReplace(candidate, via)) {
                    replaced.add(candidate.urn());
                    condemned.add(candidate);
                    grew = true;
                }
            }
        }
        // Dependents before what they depend on.
        List<ResourceState> ordered = new ArrayList<>(Snapshot.dependencyOrdered(condemned));
        Collections.reverse(ordered);
        return ordered;
    }

    /** Asks the dependent's provider whether it would be replaced if the properties fed by {@code via} changed. */
    private boolean wouldReplace(ResourceState dependent, Set<String> via) {
        Map<String, Object> inputs = new LinkedHashMap<>(dependent.inputs());
        boolean anyProperty = false;
        for (Map.Entry<String, List<String>> e : dependent.propertyDependencies().entrySet()) {
            if (e.getValue().stream().anyMatch(via::contains)) {
                inputs.put(e.getKey(), Unknown.VALUE);
                anyProperty = true;
            }
        }
        if (!anyProperty) {
            // Without property dependencies every input may carry the replaced resource's outputs.
            inputs.replaceAll((k, v) -> Unknown.VALUE);
        }
        ProviderClient.DiffResult diff = providers.get(dependent.provider())
                .diff(dependent.urn(), dependent.id(), dependent.outputs(), inputs, dependent.inputs(), List.of());
        return diff.requiresReplacement();
    }
}
