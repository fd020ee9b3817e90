package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void upPreviewEditUpDestroy_throughTheCli_behaveAsPulumi() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud);
        CliRunner cli = new CliRunner(project);

        CliRunner.Run up = cli.run("up", "--yes");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("Previewing update", "Updating", "+ ivs:index:Channel main created",
                "Outputs:", "playbackUrl: \"https://play.example/", "streamKey: [secret]", "Resources:");
        assertThat(up.out()).doesNotContain("sk_");
        assertThat(cloud.objects()).hasSize(3);

        CliRunner.Run same = cli.run("preview", "--expect-no-changes");
        assertThat(same.exitCode()).as("%s", same).isZero();

        project.set("latency", "NORMAL");
        CliRunner.Run diff = cli.run("preview", "--diff", "--expect-no-changes");
        assertThat(diff.exitCode()).as("%s", diff).isEqualTo(IvsStackCli.EXIT_CHANGES);
        assertThat(diff.out()).contains("~ ivs:index:Channel main update", "~ latencyMode: \"LOW\" => \"NORMAL\"",
                "~ 1 to update");

        CliRunner.Run apply = cli.run("up", "--yes", "--skip-preview");
        assertThat(apply.exitCode()).as("%s", apply).isZero();
        assertThat(cloud.objects()).filteredOn(o -> o.type().equals("ivs:index:Channel"))
                .singleElement().satisfies(o -> assertThat(o.properties()).containsEntry("latencyMode", "NORMAL"));

        CliRunner.Run outputs = cli.run("stack", "output", "--json");
        assertThat(new ObjectMapper().readTree(outputs.out()).path("streamKey").asText()).isEqualTo("[secret]");
        CliRunner.Run revealed = cli.run("stack", "output", "streamKey", "--show-secrets");
        assertThat(revealed.out().strip()).startsWith("sk_");

        CliRunner.Run destroy = cli.run("destroy", "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(cloud.objects()).isEmpty();
        assertThat(cli.run("stack", "output", "--json").out().strip()).isEqualTo("{ }");
    }
}
