package com.ivsstack.engine.render;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.graph.Focus;
import com.ivsstack.engine.graph.ResourceGraph;
import com.ivsstack.engine.graph.ResourceGraph.Node;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.Urns;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The diagram of a Markdown plan: the resources of the plan and what they depend on, as a Mermaid flowchart that
 * GitHub draws in a pull-request comment, each resource coloured by what the plan does to it, with a legend. Past
 * {@code maxNodes} resources it shows the changed ones and their direct neighbours, and says how many it left out.
 * Providers are left out, as in the plan's summary, and so is the stack resource: the parent of every top-level
 * resource, it would only add an edge to each. Only names and types are shown, never a property value.
 */
final class PlanDiagram {
    /** Beyond this many resources a diagram gets hard to read in a comment (and Mermaid's own limits come closer). */
    static final int DEFAULT_MAX_NODES = 40;
    /** Names longer than this are cut, so that one long name does not stretch the whole diagram. */
    static final int MAX_NAME_LENGTH = 48;

    /** What the plan does to a resource, as the diagram colours it; the emoji of the legend matches the fill. */
    enum Change {
        CREATE("create", "+", "\uD83D\uDFE9", "fill:#dafbe1,stroke:#1a7f37,color:#1f2328"),
        UPDATE("update", "~", "\uD83D\uDFE8", "fill:#fff8c5,stroke:#9a6700,color:#1f2328"),
        REPLACE("replace", "+-", "\uD83D\uDFE7", "fill:#ffe2cc,stroke:#bc4c00,color:#1f2328"),
        DELETE("delete", "-", "\uD83D\uDFE5", "fill:#ffebe9,stroke:#cf222e,color:#1f2328"),
        IMPORT("import", "=", "\uD83D\uDFE6", "fill:#ddf4ff,stroke:#0969da,color:#1f2328"),
        SAME("unchanged", "", "\u2B1C", "fill:#f6f8fa,stroke:#8c959f,color:#59636e");

        final String word;
        final String symbol;
        final String swatch;
        final String css;

        Change(String word, String symbol, String swatch, String css) {
            this.word = word;
            this.symbol = symbol;
            this.swatch = swatch;
            this.css = css;
        }

        String cssClass() {
            return name().toLowerCase();
        }

        static Change of(StepOp op) {
            return switch (op) {
                case CREATE -> CREATE;
                case UPDATE, REFRESH -> UPDATE;
                case REPLACE, DELETE_REPLACED -> REPLACE;
                case DELETE, DISCARD -> DELETE;
                case IMPORT -> IMPORT;
                case SAME, READ -> SAME;
            };
        }

        /** Of two steps of one resource (a replacement's create and delete, say), the change that shows. */
        Change strongest(Change other) {
            return precedence() >= other.precedence() ? this : other;
        }

        private int precedence() {
            return switch (this) {
                case REPLACE -> 5;
                case DELETE -> 4;
                case CREATE -> 3;
                case IMPORT -> 2;
                case UPDATE -> 1;
                case SAME -> 0;
            };
        }
    }

    private PlanDiagram() {
    }

    /** The diagram section of the Markdown plan (the Mermaid block, what it left out, the legend); empty for none. */
    static String markdown(OperationResult result, int maxNodes) {
        List<Step> steps = result.steps().stream()
                .filter(s -> !s.type().startsWith("pulumi:providers:") && !s.type().equals(Urns.STACK_TYPE)).toList();
        if (maxNodes <= 0 || steps.isEmpty()) {
            return "";
        }
        Map<String, Change> changes = new HashMap<>();
        steps.forEach(s -> changes.merge(s.urn(), Change.of(s.op()), Change::strongest));
        ResourceGraph graph = ResourceGraph.ofSteps(steps);
        Set<String> changed = changes.entrySet().stream().filter(e -> e.getValue() != Change.SAME)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Focus focus = Focus.around(graph, changed, maxNodes);
        ResourceGraph shown = focus.shown();

        Map<String, String> classDefs = new LinkedHashMap<>();
        Set<Change> drawn = EnumSet.noneOf(Change.class);
        shown.nodes().forEach(n -> drawn.add(changes.get(n.urn())));
        drawn.forEach(c -> classDefs.put(c.cssClass(), c.css));
        String note = null;
        if (focus.narrowed()) {
            classDefs.put("leftOut", "fill:none,stroke:#8c959f,stroke-dasharray:4 3,color:#59636e");
            note = "\u2026 " + focus.leftOut() + " more " + (focus.leftOut() == 1 ? "resource" : "resources")
                    + " not shown";
        }
        GraphStyle style = new GraphStyle(n -> label(n, changes.get(n.urn())), Map.of(), false);
        String mermaid = MermaidGraph.write(shown, style,
                new MermaidGraph.Classes(classDefs, n -> changes.get(n.urn()).cssClass()), note);

        StringBuilder md = new StringBuilder("```mermaid\n").append(mermaid).append("```\n\n");
        if (focus.narrowed()) {
            int changedShown = changed.size() - focus.changedLeftOut();
            int neighbours = shown.size() - changedShown;
            md.append("_The diagram shows ").append(focus.changedLeftOut() == 0 ? "the " + changedShown
                            : changedShown + " of the " + changed.size()).append(" changed ")
                    .append(changed.size() == 1 ? "resource" : "resources")
                    .append(neighbours == 0 ? "" : " and " + neighbours + " of " + (changedShown == 1 ? "its" : "their")
                            + " direct neighbours")
                    .append("; it leaves out ").append(focus.leftOut()).append(" of the plan's ").append(graph.size())
                    .append(" resources");
            if (focus.changedLeftOut() > 0) {
                md.append(", ").append(focus.changedLeftOut()).append(" of them changed (all changes are listed below)");
            }
            md.append("._\n\n");
        }
        md.append(drawn.stream().map(c -> c.swatch + " " + c.word).collect(Collectors.joining(" \u00B7 ")))
                .append(" \u2014 arrows go from a resource to what depends on it")
                .append(shown.edges().stream().anyMatch(e -> e.kind() == ResourceGraph.EdgeKind.PARENT)
                        ? "; dotted ones from a parent to its children.\n" : ".\n");
        return md.toString();
    }

    /** The operation's symbol and the resource's name (cut when long), then its type. */
    private static List<String> label(Node n, Change change) {
        String name = n.name();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH - 1)) + "\u2026";
        }
        return List.of(change.symbol.isEmpty() ? name : change.symbol + " " + name, n.type());
    }
}
