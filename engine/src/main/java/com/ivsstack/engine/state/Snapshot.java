package com.ivsstack.engine.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The deployment state of one stack: resources in dependency order, and operations left pending by a crash. */
public record Snapshot(List<ResourceState> resources, List<PendingOperation> pendingOperations) {
    public static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

    public Snapshot {
        resources = List.copyOf(resources);
        pendingOperations = List.copyOf(pendingOperations);
    }

    /** The live (not delete-pending) entry for a URN. */
    public Optional<ResourceState> live(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn) && !r.delete()).findFirst();
    }

    public Map<String, ResourceState> liveByUrn() {
        Map<String, ResourceState> map = new LinkedHashMap<>();
        resources.stream().filter(r -> !r.delete()).forEach(r -> map.put(r.urn(), r));
        return map;
    }

    public Optional<ResourceState> stack() {
        return resources.stream().filter(r -> r.type().equals(Urns.STACK_TYPE)).findFirst();
    }

    /**
     * The resources in an order where every resource follows its parent, provider and dependencies
     * (a stable topological sort: already ordered lists come out unchanged).
     */
    public static List<ResourceState> dependencyOrdered(List<ResourceState> resources) {
        Set<String> present = new HashSet<>();
        resources.forEach(r -> present.add(r.urn()));
        List<ResourceState> remaining = new ArrayList<>(resources);
        List<ResourceState> ordered = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        while (!remaining.isEmpty()) {
            ResourceState next = null;
            for (ResourceState candidate : remaining) {
                boolean ready = candidate.allDependencies().stream()
                        .allMatch(d -> emitted.contains(d) || !present.contains(d));
                if (ready) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                // A cycle cannot come from a program (URNs only resolve after registration); keep the order.
                next = remaining.get(0);
            }
            remaining.remove(next);
            ordered.add(next);
            emitted.add(next.urn());
        }
        return ordered;
    }
}
