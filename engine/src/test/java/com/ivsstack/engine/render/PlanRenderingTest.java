package com.ivsstack.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.ResourceLinks;
import com.ivsstack.engine.testing.Golden;
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
}
