package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 7: a plan document of a failed preview (CI reads the document, not stderr) carries the real error:
 * the program's own message, or why the preview could not start at all.
 */
class FailedPlanDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHY = "invalid stack config: creators[0].latencyMode: 'FAST' is not one of NORMAL, LOW";

    @TempDir
    Path dir;

    @Test
    void jsonPlan_programThatFails_carriesTheProgramsMessage() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).set("fail", WHY);

        CliRunner.Run json = new CliRunner(project).run("preview", "--format", "json");

        assertThat(json.exitCode()).as("%s", json).isEqualTo(1);
        JsonNode plan = JSON.readTree(json.out());
        assertThat(plan.path("succeeded").asBoolean()).isFalse();
        assertThat(plan.path("errors")).singleElement().extracting(JsonNode::asText)
                .isEqualTo("the program failed: " + WHY);
        assertThat(json.out()).doesNotContain("see its error above").doesNotContain("Running program");
        assertThat(cloud.objects()).isEmpty();
        assertThat(project.engine().store().checkpointFile()).doesNotExist();
    }

    @Test
    void jsonAndMarkdownPlans_withoutPulumiYaml_sayWhy() throws Exception {
        TestProject project = new TestProject(dir, new FakeCloud());
        Files.delete(dir.resolve("Pulumi.yaml"));
        CliRunner cli = new CliRunner(project);

        CliRunner.Run json = cli.run("preview", "--format", "json");
        CliRunner.Run markdown = cli.run("preview", "--format", "markdown");

        assertThat(json.exitCode()).as("%s", json).isEqualTo(1);
        JsonNode plan = JSON.readTree(json.out());
        assertThat(plan.path("succeeded").asBoolean()).isFalse();
        assertThat(plan.path("stack").asText()).isEqualTo("dev");
        assertThat(plan.path("errors").get(0).asText()).startsWith("no Pulumi.yaml in " + dir.toAbsolutePath());
        assertThat(json.err()).contains("error: no Pulumi.yaml in");
        assertThat(markdown.exitCode()).isEqualTo(1);
        assertThat(markdown.out()).contains("> [!CAUTION]").contains("> no Pulumi.yaml in");
    }
}
