package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program is started before the run has read its state (its JVM's start-up outlasts the state's load): what it
 * prints meanwhile is shown once the run is ready, and a run that cannot read its state shows none of it.
 */
class EarlyProgramStartTest {
    @TempDir
    Path directory;

    @Test
    void preview_programPrintsBeforeTheStateIsRead_lineShownOnceBeforeTheSummary() {
        TestProject project = new TestProject(directory, new FakeCloud());
        CliRunner cli = new CliRunner(project);
        assertThat(cli.run("up", "--yes").exitCode()).isZero();
        project.set("say", "hello from the program");

        CliRunner.Run preview = cli.run("preview", "--expect-no-changes");

        assertThat(preview.exitCode()).isZero();
        assertThat(preview.out().split("hello from the program", -1)).hasSize(2);
        assertThat(preview.out().indexOf("hello from the program")).isLessThan(preview.out().indexOf("unchanged"));
    }

    @Test
    void preview_stateUnreadable_reportsTheStateErrorAndNothingOfTheProgram() throws Exception {
        TestProject project = new TestProject(directory, new FakeCloud());
        CliRunner cli = new CliRunner(project);
        assertThat(cli.run("up", "--yes").exitCode()).isZero();
        project.set("say", "hello from the program");
        Path checkpoint;
        try (var files = Files.walk(directory.resolve(".ivsstack"))) {
            checkpoint = files.filter(f -> f.toString().endsWith("dev.json")).findFirst().orElseThrow();
        }
        Files.writeString(checkpoint, "{ not a checkpoint");

        CliRunner.Run preview = cli.run("preview");

        assertThat(preview.exitCode()).isEqualTo(IvsStackCli.EXIT_FAILURE);
        assertThat(preview.err()).contains("is not usable: it is not valid JSON");
        assertThat(preview.out()).doesNotContain("hello from the program");
    }
}
