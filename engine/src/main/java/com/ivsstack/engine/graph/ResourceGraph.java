package com.ivsstack.engine.graph;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceLinks;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Urns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A stack's resources and what each depends on: the one model behind {@code ivsstack stack graph} (drawn from the
 * state) and the diagram of a Markdown plan (drawn from the plan's steps).
 *
 * <p>One node per URN. Edges point in the order of creation, from what is needed to what needs it: parent to child,
 * provider to resource, dependency to dependent. The nodes come in a canonical order (every node after what it
 * depends on, ties by URN), so the same resources always give the same graph, whatever order a parallel run
 * recorded them in.
 */
public final class ResourceGraph {
    /** Why one resource needs another. */
    public enum EdgeKind { PARENT, PROVIDER, DEPENDENCY }

    /**
     * A resource of the graph.
     *
     * @param outgoing whether the entry is on its way out (the original of a replacement, an entry marked for
     *                 deletion): another entry with the same URN is preferred to it
     */
    public record Node(String urn, String type, ResourceLinks links, boolean outgoing) {
        public static Node of(ResourceState r) {
            return new Node(r.urn(), r.type(), r.links(), r.delete());
        }

        public static Node of(Step s) {
            return new Node(s.urn(), s.type(), s.links(), s.op() == StepOp.DELETE_REPLACED);
        }

        /** The resource's name: the last URN segment. */
        public String name() {
            return Urns.name(urn);
        }

        public boolean isProvider() {
            return type.startsWith("pulumi:providers:");
        }
    }

    /**
     * {@code from} is needed by {@code to}.
     *
     * @param properties for a dependency: the input properties of {@code to} whose values came from {@code from}
     */
    public record Edge(Node from, Node to, EdgeKind kind, List<String> properties) {
        public Edge {
            properties = List.copyOf(properties);
        }
    }

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final Map<String, Node> byUrn = new HashMap<>();

    private ResourceGraph(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        nodes.forEach(n -> byUrn.put(n.urn(), n));
    }

    /** The graph of a state's resources (live ones; an entry marked for deletion when its URN has no other). */
    public static ResourceGraph ofState(Collection<ResourceState> resources) {
        return of(resources.stream().map(Node::of).toList());
    }

    /** The graph of a plan: a node per resource a step touches, linked as the program declares it. */
    public static ResourceGraph ofSteps(Collection<Step> steps) {
        return of(steps.stream().map(Node::of).toList());
    }

    /** One node per URN (a later entry replaces an earlier one, unless it is outgoing and the earlier is not). */
    public static ResourceGraph of(Collection<Node> entries) {
        Map<String, Node> chosen = new LinkedHashMap<>();
        for (Node n : entries) {
            Node earlier = chosen.get(n.urn());
            if (earlier == null || !n.outgoing() || earlier.outgoing()) {
                chosen.put(n.urn(), n);
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Node n : canonicalOrder(chosen)) {
            ResourceLinks links = n.links();
            link(chosen, links.parent(), n, EdgeKind.PARENT, List.of(), edges);
            link(chosen, links.provider(), n, EdgeKind.PROVIDER, List.of(), edges);
            for (String dependency : links.dependsOn()) {
                link(chosen, dependency, n, EdgeKind.DEPENDENCY, links.propertiesFrom(dependency), edges);
            }
        }
        return new ResourceGraph(canonicalOrder(chosen), edges);
    }

    /** An edge from {@code from} to {@code to}, when {@code from} is a resource of the graph (and not {@code to}). */
    private static void link(Map<String, Node> nodes, String from, Node to, EdgeKind kind, List<String> properties,
                             List<Edge> edges) {
        Node needed = from == null ? null : nodes.get(from);
        if (needed != null && needed != to) {
            edges.add(new Edge(needed, to, kind, properties));
        }
    }

    /**
     * Every node after the nodes it depends on (Kahn's algorithm, the smallest URN first among the ready ones); a
     * cycle, which no program can make, is broken at its smallest URN.
     */
    private static List<Node> canonicalOrder(Map<String, Node> nodes) {
        Map<String, Set<String>> waitingFor = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Node n : nodes.values()) {
            Set<String> needs = new LinkedHashSet<>();
            ResourceLinks links = n.links();
            if (links.parent() != null) {
                needs.add(links.parent());
            }
            if (links.provider() != null) {
                needs.add(links.provider());
            }
            needs.addAll(links.dependsOn());
            needs.removeIf(u -> u.equals(n.urn()) || !nodes.containsKey(u));
            waitingFor.put(n.urn(), needs);
            needs.forEach(u -> dependents.computeIfAbsent(u, k -> new ArrayList<>()).add(n.urn()));
        }
        TreeSet<String> ready = new TreeSet<>();
        TreeSet<String> remaining = new TreeSet<>(nodes.keySet());
        waitingFor.forEach((urn, needs) -> {
            if (needs.isEmpty()) {
                ready.add(urn);
            }
        });
        List<Node> ordered = new ArrayList<>(nodes.size());
        while (!remaining.isEmpty()) {
            String next = ready.isEmpty() ? remaining.first() : ready.pollFirst();
            remaining.remove(next);
            ordered.add(nodes.get(next));
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                Set<String> needs = waitingFor.get(dependent);
                if (needs.remove(next) && needs.isEmpty() && remaining.contains(dependent)) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int size() {
        return nodes.size();
    }

    public boolean contains(String urn) {
        return byUrn.containsKey(urn);
    }

    /** This graph without the edges of these kinds (the nodes stay). */
    public ResourceGraph withoutEdges(Set<EdgeKind> kinds) {
        return new ResourceGraph(nodes, edges.stream().filter(e -> !kinds.contains(e.kind())).toList());
    }

    /** The nodes that pass, and the edges between them. */
    public ResourceGraph filter(Predicate<Node> keep) {
        List<Node> kept = nodes.stream().filter(keep).toList();
        Set<Node> set = new HashSet<>(kept);
        return new ResourceGraph(kept, edges.stream().filter(e -> set.contains(e.from()) && set.contains(e.to())).toList());
    }

    /** The URNs one edge away from any of {@code urns}, in either direction, in graph order, without {@code urns}. */
    public List<String> neighbours(Set<String> urns) {
        Set<String> found = new HashSet<>();
        for (Edge e : edges) {
            if (urns.contains(e.from().urn())) {
                found.add(e.to().urn());
            }
            if (urns.contains(e.to().urn())) {
                found.add(e.from().urn());
            }
        }
        found.removeAll(urns);
        return nodes.stream().map(Node::urn).filter(found::contains).toList();
    }
}
