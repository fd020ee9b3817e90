package com.ivsstack.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceLinks;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.Golden;
import com.ivsstack.engine.testing.GraphFixtures;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Unknown;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Markdown and JSON plans against golden files in src/test/resources/golden. After an intended change, rewrite them
 * with {@code -Dgolden.update=true} and review the diff.
 */
class PlanRenderingTest {
    private static final String STACK = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";
    private static final String LIVE = "urn:pulumi:dev::demo::ivs:index:Channel::live";
    private static final String ARCHIVE = "urn:pulumi:dev::demo::ivs:index:RecordingConfiguration::archive";

    static OperationResult plan() {
        Step same = new Step(StepOp.SAME, STACK, "pulumi:pulumi:Stack", null, false, List.of(), Map.of(), Map.of(), false, 0, null);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", "live");
        channel.put("latencyMode", "LOW");
        channel.put("tags", Map.of("team", "video"));
        Step create = new Step(StepOp.CREATE, LIVE, "ivs:index:Channel",
                new ResourceLinks(STACK, null, List.of(ARCHIVE), Map.of("recordingConfigurationArn", List.of(ARCHIVE))), true, List.of(), Map.of(), channel, false, 1200, null);
        Step update = new Step(StepOp.UPDATE, "urn:pulumi:dev::demo::ivs:index:Channel::backup", "ivs:index:Channel",
                ResourceLinks.parentOnly(STACK), true, List.of(new PropertyChange("latencyMode", PropertyChange.Kind.UPDATE, false, "LOW", "NORMAL"),
                new PropertyChange("tags.owner", PropertyChange.Kind.ADD, false, null, "ops")),
                Map.of("latencyMode", "LOW"), Map.of("latencyMode", "NORMAL"), false, 800, null);
        Step replace = new Step(StepOp.REPLACE, ARCHIVE,
                "ivs:index:RecordingConfiguration", ResourceLinks.parentOnly(STACK), true,
                List.of(new PropertyChange("name", PropertyChange.Kind.UPDATE, true, "archive-1", "archive-2")),
                Map.of("name", "archive-1"), Map.of("name", "archive-2"), false, 3000, null);
        Step key = new Step(StepOp.REPLACE, "urn:pulumi:dev::demo::ivs:index:StreamKey::key", "ivs:index:StreamKey",
                new ResourceLinks(STACK, null, List.of(LIVE), Map.of("channelArn", List.of(LIVE))), true, List.of(new PropertyChange("channelArn", PropertyChange.Kind.UPDATE, true,
                "arn:aws:ivs:us-west-2:123456789012:channel/old", Unknown.VALUE)),
                Map.of("channelArn", "arn:aws:ivs:us-west-2:123456789012:channel/old", "value", new Secret("sk_us-west-2_abc")),
                Map.of("channelArn", Unknown.VALUE), true, 0, null);
        Step delete = new Step(StepOp.DELETE, "urn:pulumi:dev::demo::ivs:index:PlaybackKeyPair::old-key",
                "ivs:index:PlaybackKeyPair", ResourceLinks.parentOnly(STACK), true, List.of(),
                Map.of("name", "old-key", "publicKeyMaterial", new Secret("-----BEGIN PUBLIC KEY-----")), Map.of(), false, 0, null);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("playbackUrl", Unknown.VALUE);
        outputs.put("streamKey", new Secret("sk_us-west-2_abc"));
        return new OperationResult("update", true, List.of(same, create, update, replace, key, delete), List.of(), outputs,
                Duration.ofSeconds(7));
    }

    @Test
    void markdown_matchesTheGoldenFile_andNeverShowsSecrets() {
        String markdown = MarkdownRenderer.render(plan(), "demo", "dev");

        assertThat(markdown).doesNotContain("sk_us-west-2_abc", "BEGIN PUBLIC KEY").contains("[secret]");
        Golden.assertMatches("preview.md", markdown);
    }

    @Test
    void json_matchesTheGoldenFile_andNeverShowsSecrets() {
        String json = JsonRenderer.render(plan(), "demo", "dev");

        assertThat(json).doesNotContain("sk_us-west-2_abc", "BEGIN PUBLIC KEY").contains("[secret]");
        Golden.assertMatches("preview.json", json);
    }

    @Test
    void markdown_withoutChanges_saysSo() {
        OperationResult none = new OperationResult("update", true, List.of(), List.of(), Map.of(), Duration.ZERO);

        assertThat(MarkdownRenderer.render(none, "demo", "dev")).contains("No changes");
    }

    @Test
    void markdown_smallPlan_drawsEveryResourceColouredByOperation_withALegend() {
        String markdown = MarkdownRenderer.render(plan(), "demo", "dev");

        assertThat(markdown).contains("```mermaid\nflowchart LR\n", ":::create", ":::update", ":::replace", ":::delete",
                "\uD83D\uDFE9 create", "\uD83D\uDFE5 delete").doesNotContain("leftOut", "pulumi#58;pulumi#58;Stack");
        assertThat(markdown.indexOf("**Graph**")).isBetween(markdown.indexOf("**Replacements**"), markdown.indexOf("**Changes**"));
    }

    @Test
    void markdown_largeStack_drawsTheChangedResourcesAndTheirNeighbours_andSaysHowManyItLeftOut() {
        OperationResult plan = GraphFixtures.plan(GraphFixtures.rooms(30), Map.of(
                "room-07-channel", StepOp.UPDATE, "room-12-recording", StepOp.REPLACE, "room-20-key", StepOp.DELETE,
                "room-25-key", StepOp.CREATE));

        String markdown = MarkdownRenderer.render(plan, "demo", "dev");

        assertThat(mermaidNodes(markdown)).isEqualTo(13);
        assertThat(markdown).contains("room-07-recording", "room-07-key", "room-12-channel", "room-20-channel")
                .doesNotContain("room-08", "default_0_1_0", GraphFixtures.SECRET)
                .contains("#8230; 107 more resources not shown",
                        "_The diagram shows the 4 changed resources and 9 of their direct neighbours; it leaves out 107 "
                                + "of the plan's 120 resources._");
        Golden.assertMatches("preview-large.md", markdown);
    }

    @Test
    void markdown_moreChangesThanTheNodeLimit_showsTheLimit_andCountsTheChangedOnesLeftOut() {
        OperationResult plan = GraphFixtures.plan(GraphFixtures.rooms(30), Map.of(
                "room-07-channel", StepOp.UPDATE, "room-12-recording", StepOp.REPLACE, "room-20-key", StepOp.DELETE,
                "room-25-key", StepOp.CREATE));

        String markdown = MarkdownRenderer.render(plan, "demo", "dev", 3);

        assertThat(mermaidNodes(markdown)).isEqualTo(3);
        assertThat(markdown).contains("_The diagram shows 3 of the 4 changed resources; it leaves out 117 of the plan's "
                + "120 resources, 1 of them changed (all changes are listed below)._");
        Golden.assertMatches("preview-limit.md", markdown);
    }

    @Test
    void markdown_hostileNames_areEscapedInTheDiagram_andNoSecretShows() {
        List<ResourceState> resources = GraphFixtures.hostileNames();
        Map<String, StepOp> ops = new java.util.HashMap<>();
        resources.stream().filter(r -> r.type().equals("ivs:index:Channel")).forEach(r -> ops.put(r.name(), StepOp.CREATE));

        String markdown = MarkdownRenderer.render(GraphFixtures.plan(resources, ops), "demo", "dev");

        String diagram = markdown.substring(markdown.indexOf("```mermaid"), markdown.indexOf("```\n", markdown.indexOf("```mermaid") + 3));
        // Inside a label: no quote, backtick, HTML, pipe, dollar, colon, semicolon or hash but the entity codes and
        // the line break the diagram writes itself.
        assertThat(diagram.lines().skip(2)).allSatisfy(line -> assertThat(line.replace("<br/>", "").replaceAll("#\\d+;", ""))
                .matches(" {4}(r\\d+\\[\"[^\"`<>|$:;#]*\"\\]:::\\w+|r\\d+ -(->|\\.->) r\\d+|classDef \\w+ [^;]*)"));
        assertThat(diagram).contains("#8230;").doesNotContain("very-long-name-".repeat(4));
        assertThat(markdown).doesNotContain(GraphFixtures.SECRET);
        Golden.assertMatches("preview-names.md", markdown);
    }

    @Test
    void markdown_diagramMaxNodesZero_drawsNoDiagram() {
        assertThat(MarkdownRenderer.render(plan(), "demo", "dev", 0)).doesNotContain("mermaid", "**Graph**");
    }

    private static long mermaidNodes(String markdown) {
        return markdown.lines().filter(l -> l.matches(" {4}r\\d+\\[.*")).count();
    }
}
