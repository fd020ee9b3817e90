package com.ivsstack.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.graph.ResourceGraph;
import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.testing.Golden;
import com.ivsstack.engine.testing.GraphFixtures;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack graph in DOT and Mermaid, against golden files (see {@link Golden}); MermaidSyntaxTest parses them. */
class StackGraphRenderingTest {
    /** The style of {@code ivsstack stack graph} by default: URN labels, Pulumi's edge colours, property labels. */
    private static final GraphStyle URNS = new GraphStyle(n -> List.of(n.urn()), Map.of(EdgeKind.DEPENDENCY, "#246C60",
            EdgeKind.PARENT, "#AA6639", EdgeKind.PROVIDER, "#6A5ACD"), true);
    private static final GraphStyle NAMES = new GraphStyle(n -> List.of(n.name()), Map.of(EdgeKind.DEPENDENCY, "#246C60",
            EdgeKind.PARENT, "#AA6639", EdgeKind.PROVIDER, "#6A5ACD"), true);

    @Test
    void dot_smallStack_matchesTheGoldenFile() {
        String dot = DotGraph.write(ResourceGraph.ofState(GraphFixtures.rooms(1)), URNS, "");

        assertThat(dot).startsWith("digraph {\n").endsWith("}\n")
                .contains("[color=\"#246C60\", label=\"recordingConfigurationArn\"]", "[color=\"#AA6639\", style=dashed]")
                .doesNotContain(GraphFixtures.SECRET);
        Golden.assertMatches("stack-graph.dot", dot);
    }

    @Test
    void mermaid_smallStack_matchesTheGoldenFile() {
        String mermaid = MermaidGraph.write(ResourceGraph.ofState(GraphFixtures.rooms(1)), URNS,
                MermaidGraph.Classes.NONE, null);

        assertThat(mermaid).startsWith("flowchart LR\n").contains("-->|\"channelArn\"|", "linkStyle ")
                .doesNotContain(GraphFixtures.SECRET);
        Golden.assertMatches("stack-graph.mmd", mermaid);
    }

    @Test
    void dotAndMermaid_largeStackWithShortNamesWithoutParentEdges_matchTheGoldenFiles() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(25)).withoutEdges(EnumSet.of(EdgeKind.PARENT));

        String dot = DotGraph.write(graph, NAMES, "rankdir=LR;\nnode [shape=box];");
        String mermaid = MermaidGraph.write(graph, NAMES, MermaidGraph.Classes.NONE, null);

        assertThat(graph.size()).isEqualTo(102);
        assertThat(dot).startsWith("digraph {\n    rankdir=LR;\n    node [shape=box];\n").doesNotContain("#AA6639");
        assertThat(mermaid.lines().filter(l -> l.contains("-->") || l.contains("-.->"))).hasSize(graph.edges().size());
        Golden.assertMatches("stack-graph-large.dot", dot);
        Golden.assertMatches("stack-graph-large.mmd", mermaid);
    }

    @Test
    void dotAndMermaid_hostileNames_areEscaped_andMatchTheGoldenFiles() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.hostileNames());

        String dot = DotGraph.write(graph, URNS, "");
        String mermaid = MermaidGraph.write(graph, URNS, MermaidGraph.Classes.NONE, null);

        // DOT: a label is one quoted string, its quotes and backslashes escaped, no raw line break.
        assertThat(dot.lines().filter(l -> l.contains("[label="))).allSatisfy(line ->
                assertThat(line).matches(" {4}Resource\\d+ \\[label=\"([^\"\\\\]|\\\\[\"\\\\n])*\"\\];"));
        assertThat(dot).contains("say \\\"hi\\\"", "back\\\\slash \\\\N", "line\\nbreak", "日本語のチャンネル 🎥");
        assertThat(mermaid.lines().filter(l -> l.contains("[\""))).allSatisfy(line ->
                assertThat(line.replaceAll("#\\d+;", "")).matches(" {4}r\\d+\\[\"[^\"`<>|$:;#]*\"\\]"));
        // Drawn, a direction override would reorder the rest of the label, and $$...$$ would be KaTeX maths.
        assertThat(dot).contains("zero-width\uFFFDright-to-left").doesNotContain("\u202E", "&#8238;");
        assertThat(mermaid).contains("zero-width#65533;right-to-left", "#36;#8203;#36;").doesNotContain("#8238;",
                "#36;#36;");
        Golden.assertMatches("stack-graph-names.dot", dot);
        Golden.assertMatches("stack-graph-names.mmd", mermaid);
    }
}
