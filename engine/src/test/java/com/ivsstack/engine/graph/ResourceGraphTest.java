package com.ivsstack.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.graph.ResourceGraph.Edge;
import com.ivsstack.engine.graph.ResourceGraph.EdgeKind;
import com.ivsstack.engine.graph.ResourceGraph.Node;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.GraphFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceGraphTest {
    private static final String RECORDING = GraphFixtures.childUrn("ivs:index:RecordingConfiguration", "room-01-recording");
    private static final String CHANNEL = GraphFixtures.childUrn("ivs:index:Channel", "room-01-channel");
    private static final String KEY = GraphFixtures.childUrn("ivs:index:StreamKey", "room-01-key");
    private static final String ROOM = "urn:pulumi:dev::demo::demo:index:Room::room-01";

    @Test
    void ofState_oneRoom_hasAnEdgePerParentProviderAndDependency_fromWhatIsNeeded() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(1));

        assertThat(graph.size()).isEqualTo(6);
        assertThat(edges(graph)).containsExactlyInAnyOrder(
                "PARENT demo-dev -> room-01",
                "PARENT room-01 -> room-01-recording", "PROVIDER default_0_1_0 -> room-01-recording",
                "PARENT room-01 -> room-01-channel", "PROVIDER default_0_1_0 -> room-01-channel",
                "DEPENDENCY room-01-recording -> room-01-channel [recordingConfigurationArn]",
                "PARENT room-01 -> room-01-key", "PROVIDER default_0_1_0 -> room-01-key",
                "DEPENDENCY room-01-channel -> room-01-key [channelArn]");
    }

    @Test
    void ofState_anyInputOrder_givesTheSameCanonicalOrder_dependenciesFirst() {
        List<ResourceState> resources = GraphFixtures.rooms(5);
        List<String> expected = urns(ResourceGraph.ofState(resources));
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            List<ResourceState> shuffled = new ArrayList<>(resources);
            Collections.shuffle(shuffled, random);

            assertThat(urns(ResourceGraph.ofState(shuffled))).isEqualTo(expected);
        }
        assertThat(expected.indexOf(RECORDING)).isLessThan(expected.indexOf(CHANNEL));
        assertThat(expected.indexOf(CHANNEL)).isLessThan(expected.indexOf(KEY));
        assertThat(expected.indexOf(ROOM)).isLessThan(expected.indexOf(RECORDING));
        assertThat(expected.get(0)).isIn(GraphFixtures.PROVIDER, GraphFixtures.STACK);
    }

    @Test
    void ofState_replacementPendingDelete_keepsTheLiveEntry_andOneNodePerUrn() {
        List<ResourceState> resources = new ArrayList<>(GraphFixtures.rooms(1));
        ResourceState channel = resources.stream().filter(r -> r.urn().equals(CHANNEL)).findFirst().orElseThrow();
        // The original of a create-before-delete replacement, which depended on nothing, comes after the live one.
        resources.add(channel.toBuilder().delete(true).dependencies(List.of()).propertyDependencies(Map.of()).build());

        ResourceGraph graph = ResourceGraph.ofState(resources);

        assertThat(graph.nodes()).filteredOn(n -> n.urn().equals(CHANNEL)).singleElement()
                .satisfies(n -> assertThat(n.outgoing()).isFalse());
        assertThat(edges(graph)).contains("DEPENDENCY room-01-recording -> room-01-channel [recordingConfigurationArn]");
    }

    @Test
    void of_linkToAResourceOutsideTheGraph_drawsNoEdge() {
        List<ResourceState> resources = GraphFixtures.rooms(1).stream().filter(r -> !r.isProvider()).toList();

        assertThat(edges(ResourceGraph.ofState(resources))).noneMatch(e -> e.startsWith("PROVIDER"));
    }

    @Test
    void withoutEdges_parentAndProvider_keepsEveryNodeAndOnlyDependencies() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(1))
                .withoutEdges(EnumSet.of(EdgeKind.PARENT, EdgeKind.PROVIDER));

        assertThat(graph.size()).isEqualTo(6);
        assertThat(edges(graph)).containsExactly(
                "DEPENDENCY room-01-recording -> room-01-channel [recordingConfigurationArn]",
                "DEPENDENCY room-01-channel -> room-01-key [channelArn]");
    }

    @Test
    void ofSteps_replacement_usesTheLinksOfTheNewResource() {
        List<ResourceState> resources = GraphFixtures.rooms(1);
        ResourceGraph graph = ResourceGraph.ofSteps(GraphFixtures.plan(resources,
                Map.of("room-01-channel", StepOp.REPLACE)).steps());

        assertThat(graph.nodes()).filteredOn(n -> n.urn().equals(CHANNEL)).singleElement()
                .satisfies(n -> assertThat(n.outgoing()).isFalse());
        assertThat(graph.size()).isEqualTo(6);
    }

    @Test
    void neighbours_ofTheChannel_areItsParentProviderDependencyAndDependent() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(2));

        assertThat(graph.neighbours(Set.of(CHANNEL))).containsExactlyInAnyOrder(ROOM, GraphFixtures.PROVIDER, RECORDING, KEY);
    }

    @Test
    void focus_graphWithinTheLimit_showsEverything() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(2));

        Focus focus = Focus.around(graph, Set.of(CHANNEL), graph.size());

        assertThat(focus.shown().size()).isEqualTo(graph.size());
        assertThat(focus.narrowed()).isFalse();
    }

    @Test
    void focus_graphOverTheLimit_showsTheChangedAndTheirNeighbours_andCountsTheRest() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(10)).filter(n -> !n.isProvider());

        Focus focus = Focus.around(graph, Set.of(CHANNEL), 10);

        assertThat(urns(focus.shown())).containsExactlyInAnyOrder(CHANNEL, ROOM, RECORDING, KEY);
        assertThat(focus.leftOut()).isEqualTo(graph.size() - 4);
        assertThat(focus.changedLeftOut()).isZero();
        assertThat(edges(focus.shown())).contains("DEPENDENCY room-01-channel -> room-01-key [channelArn]")
                .noneMatch(e -> e.contains("room-02"));
    }

    @Test
    void focus_moreChangesThanTheLimit_showsTheFirstChangedOnes_andCountsTheChangedLeftOut() {
        ResourceGraph graph = ResourceGraph.ofState(GraphFixtures.rooms(10));
        Set<String> changed = Set.copyOf(graph.nodes().stream().map(Node::urn).filter(u -> u.contains("-key")).toList());

        Focus focus = Focus.around(graph, changed, 4);

        assertThat(focus.shown().size()).isEqualTo(4);
        assertThat(urns(focus.shown())).allMatch(changed::contains);
        assertThat(focus.changedLeftOut()).isEqualTo(6);
        assertThat(focus.leftOut()).isEqualTo(graph.size() - 4);
    }

    private static List<String> urns(ResourceGraph graph) {
        return graph.nodes().stream().map(Node::urn).toList();
    }

    private static List<String> edges(ResourceGraph graph) {
        return graph.edges().stream().map(ResourceGraphTest::describe).toList();
    }

    private static String describe(Edge e) {
        return e.kind() + " " + e.from().name() + " -> " + e.to().name()
                + (e.properties().isEmpty() ? "" : " " + e.properties());
    }
}
