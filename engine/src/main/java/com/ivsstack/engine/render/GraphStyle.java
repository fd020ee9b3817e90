package com.ivsstack.engine.render;

import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.graph.ResourceGraph.Node;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a {@link com.ivsstack.engine.graph.ResourceGraph} is drawn, in any format.
 *
 * @param label          a node's label, line by line, as plain text (each format escapes it)
 * @param edgeColors     a colour per edge kind (CSS/Graphviz: {@code #RRGGBB} or a name); a kind without one is drawn
 *                       in the format's default colour
 * @param propertyLabels whether a dependency edge is labelled with the properties that make it
 */
public record GraphStyle(Function<Node, List<String>> label, Map<EdgeKind, String> edgeColors,
                         boolean propertyLabels) {
    public GraphStyle {
        edgeColors = edgeColors.isEmpty() ? Map.of() : new EnumMap<>(edgeColors);
    }

    /** The label of a dependency edge: the properties that make it, when asked for; else empty. */
    String edgeLabel(com.ivsstack.engine.graph.ResourceGraph.Edge edge) {
        return propertyLabels ? String.join(", ", edge.properties()) : "";
    }
}
