package com.ivsstack.engine.render;

import com.ivsstack.engine.graph.ResourceGraph;
import com.ivsstack.engine.graph.ResourceGraph.Edge;
import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.graph.ResourceGraph.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * A resource graph in Graphviz's DOT language, as {@code pulumi stack graph} writes it: a node per resource
 * ({@code Resource0}, {@code Resource1}, ...), its label quoted and escaped; parent and provider edges dashed.
 */
public final class DotGraph {
    private DotGraph() {
    }

    /** @param fragment DOT statements placed first in the graph (graph attributes, node defaults), or empty */
    public static String write(ResourceGraph graph, GraphStyle style, String fragment) {
        StringBuilder dot = new StringBuilder("digraph {\n");
        if (!fragment.isBlank()) {
            fragment.strip().lines().forEach(line -> dot.append("    ").append(line.strip()).append('\n'));
        }
        Map<Node, String> ids = new HashMap<>();
        for (Node n : graph.nodes()) {
            String id = "Resource" + ids.size();
            ids.put(n, id);
            dot.append("    ").append(id).append(" [label=").append(quoted(String.join("\n", style.label().apply(n))))
                    .append("];\n");
        }
        for (Edge e : graph.edges()) {
            dot.append("    ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()));
            StringBuilder attributes = new StringBuilder();
            String color = style.edgeColors().get(e.kind());
            if (color != null) {
                attributes.append("color=").append(quoted(color));
            }
            if (e.kind() != EdgeKind.DEPENDENCY) {
                attributes.append(attributes.isEmpty() ? "" : ", ").append("style=dashed");
            }
            String label = style.edgeLabel(e);
            if (!label.isEmpty()) {
                attributes.append(attributes.isEmpty() ? "" : ", ").append("label=").append(quoted(label));
            }
            if (!attributes.isEmpty()) {
                dot.append(" [").append(attributes).append(']');
            }
            dot.append(";\n");
        }
        return dot.append("}\n").toString();
    }

    /**
     * A DOT quoted string: quotes and backslashes escaped (so that no {@code \N}-style escape of Graphviz applies),
     * line breaks as {@code \n}, other control characters as spaces, bidirectional controls as U+FFFD; {@code &} and
     * invisible formatting characters (zero-width spaces) as the HTML entities Graphviz decodes in labels, so that the
     * file reads as it draws.
     */
    static String quoted(String text) {
        StringBuilder q = new StringBuilder("\"");
        GraphLabels.withoutBidiControls(text).codePoints().forEach(c -> {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (Character.isISOControl(c)) {
                        q.append(' ');
                    } else if (c == '&' || Character.getType(c) == Character.FORMAT) {
                        q.append("&#").append(c).append(';');
                    } else {
                        q.appendCodePoint(c);
                    }
                }
            }
        });
        return q.append('"').toString();
    }
}
