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
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ParticipantState;
import software.amazon.awssdk.services.ivsrealtime.model.StageSummary;

/**
 * Replacing an IVS RealTime stage that participants are connected to (local endpoint, participants joined through its
 * admin API): the preview warns before anything runs, up refuses to delete the old stage and disconnects nobody,
 * naming the stage, its session, the participant count and the provider option; with that option up replaces it.
 */
class LiveStageReplacementTest {
    private static final String CONFIG = "config:\n  ivs:region: us-west-2\n  livestage:stageName: %s\n";

    @TempDir
    Path project;

    @Test
    void replace_stageWithParticipants_previewWarnsUpRefusesUntilDisconnectParticipants() throws Exception {
        Files.writeString(project.resolve("Pulumi.yaml"), "name: livestage\nruntime: java\n");
        Path stackFile = project.resolve("Pulumi.dev.yaml");
        Files.writeString(stackFile, CONFIG.formatted("studio"));
        var cli = new LocalRun(project, TestProject.classpath(), LiveStageProgram.class.getName());
        assertThat(cli.run("up", "--yes", "--skip-preview").exitCode()).isZero();
        String stage;
        String session;
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            var realTime = endpoint.realTime(Region.US_WEST_2);
            stage = realTime.listStages(b -> { }).stages().get(0).arn();
            endpoint.emulator().admin().joinParticipant(stage);
            endpoint.emulator().admin().joinParticipant(stage);
            session = realTime.getStage(b -> b.arn(stage)).stage().activeSessionId();
        }
        String refusal = "stage " + stage + " has 2 participants connected in session " + session;

        Files.writeString(stackFile, CONFIG.formatted("studio-2"));
        CliRunner.Run preview = cli.run("preview");
        assertThat(preview.exitCode()).as("%s", preview).isZero();
        assertThat(preview.out()).contains("ivs:realtime:Stage studio replace").contains(refusal)
                .contains("disconnectParticipants: true");

        CliRunner.Run refused = cli.run("up", "--yes", "--skip-preview");
        assertThat(refused.exitCode()).as("%s", refused).isNotZero();
        assertThat(refused.out() + refused.err()).contains(refusal).contains("disconnectParticipants: true");
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            var realTime = endpoint.realTime(Region.US_WEST_2);
            assertThat(realTime.listStages(b -> { }).stages()).extracting(StageSummary::arn).as("the old stage is kept")
                    .contains(stage);
            assertThat(connected(realTime, stage, session)).as("nobody was disconnected").isEqualTo(2);
        }

        Files.writeString(stackFile, CONFIG.formatted("studio-2") + "  ivs:disconnectParticipants: true\n");
        CliRunner.Run replaced = cli.run("up", "--yes", "--skip-preview");
        assertThat(replaced.exitCode()).as("%s", replaced).isZero();
        assertThat(replaced.out()).contains("disconnectParticipants is true");
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            var stages = endpoint.realTime(Region.US_WEST_2).listStages(b -> { }).stages();
            assertThat(stages).extracting(StageSummary::name).containsExactly("studio-2");
            assertThat(stages).extracting(StageSummary::arn).doesNotContain(stage);
        }
        assertThat(cli.run("destroy", "--yes").exitCode()).isZero();
    }

    private static long connected(IvsRealTimeClient realTime, String stage, String session) {
        return realTime.listParticipants(b -> b.stageArn(stage).sessionId(session).filterByState(ParticipantState.CONNECTED))
                .participants().size();
    }
}
