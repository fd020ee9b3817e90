package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 11: the CLI says each thing once and says it true: a program's error without the java command line
 * and stack trace; advice in ivsstack's terms; a stack that does not exist; an unknown --color; a lock taken before
 * the preview; a preview that records nothing.
 */
class CliNoiseTest {
    private static final String KEY = "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:StreamKey::main-key";

    @TempDir
    Path dir;

    private final FakeCloud cloud = new FakeCloud();

    @Test
    void programFailure_isShownOnceAsItHappensAndOnceInTheSummary_withoutCommandLineOrStackTrace() {
        String why = "invalid stack config: creators[0].name 'Bad Name' must be lowercase";
        TestProject project = new TestProject(dir, cloud).set("fail", why);

        CliRunner.Run preview = new CliRunner(project).run("preview");

        assertThat(preview.exitCode()).isEqualTo(1);
        String output = preview.out() + preview.err();
        assertThat(Pattern.compile(Pattern.quote(why)).matcher(output).results().count()).as(output).isEqualTo(2);
        assertThat(output).contains("error: the program failed: " + why)
                .doesNotContain("Running program").doesNotContain("-cp ").doesNotContain("\tat ")
                .doesNotContain("SEVERE").doesNotContain("see its error above");
    }

    @Test
    void missingRequiredConfig_isExplainedAsAnEditOfTheStackFile_notAsPulumiConfigSet() {
        TestProject project = new TestProject(dir, cloud).set("requires", "region");

        CliRunner.Run preview = new CliRunner(project).run("preview");

        assertThat(preview.exitCode()).isEqualTo(1);
        assertThat(preview.out()).contains("Missing required configuration variable 'testprog:region'")
                .contains("add `testprog:region: <value>` under `config:` in Pulumi.dev.yaml")
                .doesNotContain("pulumi config set");
    }

    @Test
    void stackWithNeitherConfigFileNorState_doesNotExist_butOneWithAStateAndNoFileRunsWithAWarning() throws Exception {
        TestProject project = new TestProject(dir, cloud).deployed();
        CliRunner cli = new CliRunner(project);

        CliRunner.Run prod = cli.run("preview", "--stack", "prod");
        Files.delete(dir.resolve("Pulumi.dev.yaml"));
        CliRunner.Run unconfigured = cli.run("preview", "--expect-no-changes");

        assertThat(prod.exitCode()).as("%s", prod).isEqualTo(1);
        assertThat(prod.err()).contains("no stack named 'prod' found: there is no Pulumi.prod.yaml in "
                + dir.toAbsolutePath()).contains("This project's stacks: dev")
                .contains("write its configuration file Pulumi.prod.yaml");
        assertThat(dir.resolve("Pulumi.prod.yaml")).doesNotExist();
        assertThat(dir.resolve(".ivsstack/.pulumi/stacks/testprog/prod.json")).doesNotExist();
        assertThat(unconfigured.exitCode()).as("%s", unconfigured).isZero();
        assertThat(unconfigured.out()).contains("warning: there is no Pulumi.dev.yaml in " + dir.toAbsolutePath()
                + ": the program runs with no stack configuration");
    }

    @Test
    void color_valueOutsideItsChoices_isRejectedNamingThem_andNothingRuns() {
        TestProject project = new TestProject(dir, cloud);

        CliRunner.Run blue = new CliRunner(project).run("preview", "--color", "blue");

        assertThat(blue.exitCode()).isEqualTo(1);
        assertThat(blue.err()).contains("--color").contains("auto, always, never").contains("'blue'");
        assertThat(blue.out()).doesNotContain("Previewing");
        assertThat(project.engine().store().checkpointFile()).doesNotExist();
    }

    @Test
    @SuppressWarnings("try")
    void upAndDestroy_onALockedStack_areRefusedBeforeTheirPreview() {
        TestProject project = new TestProject(dir, cloud);
        CliRunner cli = new CliRunner(project);
        try (StackLock held = StackLock.acquire(project.engine().store(), "ivsstack up")) {
            CliRunner.Run up = cli.run("up", "--yes");
            CliRunner.Run destroy = cli.run("destroy", "--yes");

            for (CliRunner.Run run : new CliRunner.Run[] {up, destroy}) {
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(run.err()).contains("stack 'dev' is locked by another run");
                assertThat(run.out()).as("no preview ran").doesNotContain("Previewing");
            }
        }
        assertThat(cloud.calls()).isEmpty();
    }

    @Test
    void previewAfterACrashDuringACreate_saysTheUpdateWillRecordWhatItFound_andWritesNothing() throws Exception {
        TestProject project = new TestProject(dir, cloud).set("streamKey", "false").deployed();
        CheckpointStore store = project.engine().store();
        Snapshot deployed = store.load();
        ResourceState channel = deployed.resources().stream().filter(r -> r.type().equals("ivs:index:Channel"))
                .findFirst().orElseThrow();
        // A run killed while creating the stream key: the cloud made it; the checkpoint holds the pending create.
        ResourceState creating = ResourceState.builder(KEY, "ivs:index:StreamKey", true).provider(channel.provider())
                .parent(channel.parent()).inputs(Map.of("channelArn", channel.id())).build();
        cloud.put(new FakeCloud.CloudObject("arn:fake:ivs:streamkey/crashed", "ivs:index:StreamKey", KEY,
                Map.of("channelArn", channel.id())), "create main-key");
        store.save(new Snapshot(deployed.resources(), List.of(new PendingOperation(creating, PendingOperation.CREATING))));
        String before = Files.readString(store.checkpointFile());
        project.set("streamKey", "true");
        CliRunner cli = new CliRunner(project);

        CliRunner.Run preview = cli.run("preview");
        String afterPreview = Files.readString(store.checkpointFile());
        CliRunner.Run up = cli.run("up", "--yes", "--skip-preview");

        assertThat(preview.exitCode()).as("%s", preview).isZero();
        assertThat(preview.out()).contains("found it (id arn:fake:ivs:streamkey/crashed): the update will record it "
                + "instead of creating it again").doesNotContain("recorded it");
        assertThat(afterPreview).as("a preview writes nothing").isEqualTo(before);
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("found it (id arn:fake:ivs:streamkey/crashed) and recorded it instead of creating it again");
        assertThat(cloud.objects()).filteredOn(o -> o.type().equals("ivs:index:StreamKey")).singleElement()
                .extracting(FakeCloud.CloudObject::id).isEqualTo("arn:fake:ivs:streamkey/crashed");
        assertThat(store.load().live(KEY).orElseThrow().id()).isEqualTo("arn:fake:ivs:streamkey/crashed");
    }
}
