package com.ivsstack.engine.exec;

import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.ResourceState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before the first delete of a group (the deletes after the program, those of a destroy, the deletes of a
 * delete-before-replace): the reasons, by URN, that any of them would certainly fail. The engine's own blocker is
 * {@code protect}; the others come from each resource's provider (its delete preflight, see
 * {@link ProviderClient#deleteBlockers}), asked once per provider for all of its deletes. A group with a blocker is
 * not started, so it is never half deleted.
 */
final class DeletePreflight {
    private DeletePreflight() {
    }

    static String protectedMessage(String urn) {
        return "resource " + urn + " cannot be deleted because it is protected; remove the protect option, run up, "
                + "then delete it";
    }

    /**
     * @param withProtect whether protected resources count as blocked (a preview reports them as failed deletes
     *                    instead)
     */
    static Map<String, List<String>> blockers(List<ResourceState> group, ProviderRegistry providers, boolean withProtect) {
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        Map<String, List<ProviderClient.PlannedDelete>> byProvider = new LinkedHashMap<>();
        for (ResourceState r : group) {
            if (r.isProvider()) {
                continue; // no cloud object: a provider goes when nothing uses it
            }
            if (r.protect()) {
                if (withProtect) {
                    blocked.put(r.urn(), List.of(protectedMessage(r.urn())));
                }
                continue;
            }
            if (!r.custom() || r.external() || r.retainOnDelete() || r.pendingReplacement() || r.provider() == null) {
                continue; // leaves the state without a provider call
            }
            byProvider.computeIfAbsent(r.provider(), ref -> new ArrayList<>()).add(new ProviderClient.PlannedDelete(
                    r.urn(), r.type(), r.id(), r.inputs(), r.outputs()));
        }
        byProvider.forEach((reference, deletes) -> blocked.putAll(providers.get(reference).deleteBlockers(deletes)));
        return blocked;
    }
}
