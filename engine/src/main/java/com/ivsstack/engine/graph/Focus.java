package com.ivsstack.engine.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a graph that a diagram shows: all of it while it has at most {@code maxNodes} resources; beyond that,
 * the changed resources and their direct neighbours (either way, over any edge), at most {@code maxNodes}, the
 * changed ones first.
 *
 * @param leftOut        how many resources of the graph are not shown
 * @param changedLeftOut how many of those are changed ones (more changes than the limit)
 */
public record Focus(ResourceGraph shown, int leftOut, int changedLeftOut) {
    public static Focus around(ResourceGraph graph, Set<String> changed, int maxNodes) {
        if (graph.size() <= maxNodes) {
            return new Focus(graph, 0, 0);
        }
        Set<String> picked = new LinkedHashSet<>();
        List<String> changedInOrder = graph.nodes().stream().map(ResourceGraph.Node::urn).filter(changed::contains).toList();
        changedInOrder.stream().limit(maxNodes).forEach(picked::add);
        graph.neighbours(Set.copyOf(changedInOrder)).stream().limit(Math.max(0, maxNodes - picked.size()))
                .forEach(picked::add);
        ResourceGraph shown = graph.filter(n -> picked.contains(n.urn()));
        int changedShown = (int) changedInOrder.stream().filter(picked::contains).count();
        return new Focus(shown, graph.size() - shown.size(), changedInOrder.size() - changedShown);
    }

    public boolean narrowed() {
        return leftOut > 0;
    }
}
