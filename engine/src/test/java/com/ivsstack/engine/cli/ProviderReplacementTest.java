package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.LiveStageProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

/**
 * A provider configuration change that needs a new provider (ivs:region) is refused before any step, by preview and
 * up alike, with the state and the endpoint untouched: updating the provider in place would point the stack's
 * resources at a region where they do not exist.
 */
class ProviderReplacementTest {
    private static final String CONFIG = "config:\n  ivs:region: %s\n  livestage:stageName: studio\n";

    @TempDir
    Path project;

    @Test
    void regionChange_previewAndUp_refusedNamingTheKey_stateAndEndpointUntouched() throws Exception {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: livestage\nruntime: java\n");
        Path stackFile = project.resolve("Pulumi.dev.yaml");
        Files.writeString(stackFile, CONFIG.formatted("us-west-2"));
        var cli = new LocalRun(project, TestProject.classpath(), LiveStageProgram.class.getName());
        assertThat(cli.run("up", "--yes", "--skip-preview").exitCode()).isZero();
        Path checkpoint = project.resolve(".ivsstack/.pulumi/stacks/livestage/dev.json");
        byte[] before = Files.readAllBytes(checkpoint);
        String stage;
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            stage = endpoint.realTime(Region.US_WEST_2).listStages(b -> { }).stages().get(0).arn();
        }

        Files.writeString(stackFile, CONFIG.formatted("eu-west-1"));
        for (String[] command : new String[][] {{"preview"}, {"up", "--yes"}}) {
            CliRunner.Run refused = cli.run(command);
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(IvsStackCli.EXIT_FAILURE);
            assertThat(refused.out() + refused.err()).contains("the change of ivs:region needs a new provider")
                    .contains("ivsstack does not replace providers").contains("'ivsstack destroy' with the old configuration");
            assertThat(refused.out()).doesNotContain("updated", "created", "deleted");
        }
        assertThat(Files.readAllBytes(checkpoint)).as("the state is untouched").isEqualTo(before);
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            assertThat(endpoint.realTime(Region.US_WEST_2).listStages(b -> { }).stages()).extracting(StageSummary::arn)
                    .containsExactly(stage);
            assertThat(endpoint.realTime(Region.EU_WEST_1).listStages(b -> { }).stages()).isEmpty();
        }

        Files.writeString(stackFile, CONFIG.formatted("us-west-2"));
        CliRunner.Run back = cli.run("preview", "--expect-no-changes");
        assertThat(back.exitCode()).as("the old region again: %s", back).isZero();
        assertThat(cli.run("destroy", "--yes").exitCode()).isZero();
    }
}
