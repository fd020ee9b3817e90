package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ivsstack stack graph} and the diagram of {@code preview --format markdown}, through the CLI, on the test
 * program's stack: a component holding a recording configuration, a channel that records to it and its stream key.
 */
class StackGraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void stackGraph_afterUp_drawsEveryResourceAndEdgeKind_asDotOrMermaid_toStdoutOrAFile() throws Exception {
        CliRunner cli = new CliRunner(new TestProject(dir, new FakeCloud()));
        assertThat(cli.run("up", "--yes").exitCode()).isZero();

        CliRunner.Run dot = cli.run("stack", "graph");

        assertThat(dot.exitCode()).as("%s", dot).isZero();
        assertThat(dot.out()).startsWith("digraph {\n").endsWith("}\n").doesNotContain("sk_")
                .contains("[label=\"urn:pulumi:dev::testprog::test:index:Platform$ivs:index:Channel::main\"]",
                        "[color=\"#246C60\", label=\"recordingConfigurationArn\"]",
                        "[color=\"#246C60\", label=\"channelArn\"]", "[color=\"#AA6639\", style=dashed]",
                        "[color=\"#6A5ACD\", style=dashed]");
        assertThat(dot.out().lines().filter(l -> l.contains("[label="))).hasSize(6);

        Path file = dir.resolve("graph.mmd");
        CliRunner.Run mermaid = cli.run("stack", "graph", "--format", "mermaid", "--short-node-name",
                "--ignore-parent-edges", "--ignore-provider-edges", "--dependency-edge-color", "teal", file.toString());

        assertThat(mermaid.exitCode()).as("%s", mermaid).isZero();
        assertThat(mermaid.out()).contains("Wrote the stack's dependency graph (6 resources, 2 edges, mermaid) to ");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("flowchart LR\n").contains("[\"main\"]", "[\"main-key\"]", "[\"recording\"]",
                "-->|\"channelArn\"|", "linkStyle 0,1 stroke:teal").doesNotContain("-.->", "urn#58;");
    }

    @Test
    void previewMarkdown_afterAnEdit_drawsTheChangedChannelWithWhatItDependsOn() {
        TestProject project = new TestProject(dir, new FakeCloud());
        CliRunner cli = new CliRunner(project);
        assertThat(cli.run("up", "--yes").exitCode()).isZero();
        project.set("latency", "NORMAL");

        CliRunner.Run preview = cli.run("preview", "--format", "markdown");

        assertThat(preview.exitCode()).as("%s", preview).isZero();
        assertThat(preview.out()).contains("**Graph**\n\n```mermaid\nflowchart LR\n",
                "[\"~ main<br/>ivs#58;index#58;Channel\"]:::update",
                "[\"recording<br/>ivs#58;index#58;RecordingConfiguration\"]:::same",
                "[\"main-key<br/>ivs#58;index#58;StreamKey\"]:::same",
                "\uD83D\uDFE8 update \u00B7 \u2B1C unchanged").doesNotContain("sk_", "providers");

        CliRunner.Run narrowed = cli.run("preview", "--format", "markdown", "--diagram-max-nodes", "2");

        assertThat(narrowed.out()).contains("_The diagram shows the 1 changed resource and 1 of its direct "
                + "neighbours; it leaves out 2 of the plan's 4 resources._");
    }

    @Test
    void previewMarkdown_newStack_drawsTheDependenciesMadeThroughOutputsNotKnownYet() {
        CliRunner cli = new CliRunner(new TestProject(dir, new FakeCloud()));

        CliRunner.Run preview = cli.run("preview", "--format", "markdown");

        // Nothing exists yet: the channel's recordingConfigurationArn and the key's channelArn are unknown in the
        // preview, and their dependencies must be recorded all the same.
        assertThat(preview.exitCode()).as("%s", preview).isZero();
        assertThat(preview.out()).contains("r1[\"+ recording<br/>ivs#58;index#58;RecordingConfiguration\"]:::create",
                "r2[\"+ main<br/>ivs#58;index#58;Channel\"]:::create",
                "r3[\"+ main-key<br/>ivs#58;index#58;StreamKey\"]:::create", "    r1 --> r2\n", "    r2 --> r3\n");
    }

    @Test
    void stackGraph_badColour_failsNamingTheOptionAndTheRule() {
        CliRunner.Run run = new CliRunner(new TestProject(dir, new FakeCloud()))
                .run("stack", "graph", "--parent-edge-color", "red\"];evil");

        assertThat(run.exitCode()).isEqualTo(IvsStackCli.EXIT_FAILURE);
        assertThat(run.err()).contains("--parent-edge-color", "'red\"];evil' is not a colour: use #RRGGBB");
    }

    @Test
    void stackGraph_dotFragmentWithMermaid_isRefused() {
        CliRunner.Run run = new CliRunner(new TestProject(dir, new FakeCloud()))
                .run("stack", "graph", "--format", "mermaid", "--dot-fragment", "rankdir=LR");

        assertThat(run.exitCode()).isEqualTo(IvsStackCli.EXIT_FAILURE);
        assertThat(run.err()).contains("--dot-fragment is for --format dot");
    }

    @Test
    void stackGraph_stackNeverDeployed_failsSayingThereIsNothingToDraw() {
        CliRunner.Run run = new CliRunner(new TestProject(dir, new FakeCloud())).run("stack", "graph");

        assertThat(run.exitCode()).isEqualTo(IvsStackCli.EXIT_FAILURE);
        assertThat(run.err()).contains("the stack 'dev' has no resources in its state", "run up first");
    }

    @Test
    void previewMarkdown_negativeDiagramLimit_failsNamingTheOption() {
        CliRunner.Run run = new CliRunner(new TestProject(dir, new FakeCloud()))
                .run("preview", "--format", "markdown", "--diagram-max-nodes", "-1");

        assertThat(run.exitCode()).isEqualTo(IvsStackCli.EXIT_FAILURE);
        assertThat(run.err()).contains("--diagram-max-nodes must be 0 (no diagram) or more, not -1");
    }
}
