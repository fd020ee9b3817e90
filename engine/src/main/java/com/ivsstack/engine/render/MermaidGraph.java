package com.ivsstack.engine.render;

import com.ivsstack.engine.graph.ResourceGraph;
import com.ivsstack.engine.graph.ResourceGraph.Edge;
import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.graph.ResourceGraph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A resource graph as a Mermaid flowchart (what GitHub draws from a {@code mermaid} code block): a node per resource
 * ({@code r0}, {@code r1}, ...), dependency edges solid, parent and provider edges dotted, edge colours by
 * {@code linkStyle}. Every label is quoted, and each character that Mermaid, HTML or Markdown could read as syntax
 * is written as a Mermaid entity code ({@code #34;}), so that no resource name can break or inject into the diagram.
 */
public final class MermaidGraph {
    /** Node classes and their Mermaid styles ({@code fill:#...,stroke:#...}), and each node's class (or null). */
    public record Classes(Map<String, String> definitions, Function<Node, String> classOf) {
        public static final Classes NONE = new Classes(Map.of(), n -> null);
    }

    private MermaidGraph() {
    }

    /**
     * @param note a line of text drawn as a node of its own (what the diagram leaves out), or null
     */
    public static String write(ResourceGraph graph, GraphStyle style, Classes classes, String note) {
        StringBuilder m = new StringBuilder("flowchart LR\n");
        Map<Node, String> ids = new HashMap<>();
        for (Node n : graph.nodes()) {
            String id = "r" + ids.size();
            ids.put(n, id);
            m.append("    ").append(id).append("[\"").append(String.join("<br/>", style.label().apply(n).stream()
                    .map(MermaidGraph::text).toList())).append("\"]");
            String cssClass = classes.classOf().apply(n);
            if (cssClass != null) {
                m.append(":::").append(cssClass);
            }
            m.append('\n');
        }
        if (note != null) {
            m.append("    leftOut[\"").append(text(note)).append("\"]");
            m.append(classes.definitions().containsKey("leftOut") ? ":::leftOut" : "").append('\n');
        }
        Map<String, List<Integer>> linksByColor = new LinkedHashMap<>();
        int index = 0;
        for (Edge e : graph.edges()) {
            m.append("    ").append(ids.get(e.from())).append(e.kind() == EdgeKind.DEPENDENCY ? " -->" : " -.->");
            String label = style.edgeLabel(e);
            if (!label.isEmpty()) {
                m.append("|\"").append(text(label)).append("\"|");
            }
            m.append(' ').append(ids.get(e.to())).append('\n');
            String color = style.edgeColors().get(e.kind());
            if (color != null) {
                linksByColor.computeIfAbsent(color, c -> new ArrayList<>()).add(index);
            }
            index++;
        }
        classes.definitions().forEach((name, css) -> m.append("    classDef ").append(name).append(' ').append(css).append('\n'));
        linksByColor.forEach((color, links) -> m.append("    linkStyle ")
                .append(String.join(",", links.stream().map(String::valueOf).toList()))
                .append(" stroke:").append(color).append('\n'));
        return m.toString();
    }

    /**
     * Text for inside a quoted Mermaid label: letters and digits of any script, spaces and {@code _ . , - / @ ( ) + = ~ '}
     * as they are; everything else (quotes, {@code # ; : | < > & $ ` [ ] { }}, control and invisible characters,
     * symbols) as an entity code {@code #<decimal>;}, which Mermaid shows as the character itself; bidirectional
     * controls as U+FFFD, and a zero-width space between two dollars, which Mermaid would read as maths.
     */
    static String text(String plain) {
        String label = GraphLabels.withoutBidiControls(plain);
        StringBuilder out = new StringBuilder();
        int previous = 0;
        for (int i = 0; i < label.length(); previous = label.codePointAt(i), i += Character.charCount(previous)) {
            int c = label.codePointAt(i);
            if (c == '$' && previous == '$') {
                // Mermaid draws $$...$$ as KaTeX maths (after it decodes the entity codes): keep dollars apart.
                out.append("#8203;");
            }
            if (Character.isLetterOrDigit(c) || c == ' ' || "_.,-/@()+=~'".indexOf(c) >= 0) {
                out.appendCodePoint(c);
            } else {
                out.append('#').append(c).append(';');
            }
        }
        return out.toString();
    }
}
