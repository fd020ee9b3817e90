package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 5: a --target that matches no resource fails naming it, as the Pulumi CLI does; nothing changes. */
class TargetsTest {
    private static final String CHANNEL = "urn:pulumi:dev::testprog::test:index:Platform$ivs:index:Channel::main";

    @TempDir
    Path dir;

    @Test
    void upAndDestroy_targetThatMatchesNothing_failNamingTheTarget_andChangeNothing() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).deployed();
        Path state = project.engine().store().checkpointFile();
        String before = Files.readString(state);
        project.set("latency", "NORMAL"); // a change the untargeted run would make
        CliRunner cli = new CliRunner(project);

        CliRunner.Run byName = cli.run("up", "--yes", "--target", "main");
        CliRunner.Run byUrn = cli.run("up", "--yes", "--target", "urn:pulumi:dev::testprog::ivs:index:Channel::eve");
        CliRunner.Run destroy = cli.run("destroy", "--yes", "--target", "bogus");

        assertThat(byName.exitCode()).as("%s", byName).isEqualTo(1);
        assertThat(byName.out()).contains("--target main matches no resource of stack 'dev': targets are URNs; "
                + "did you mean " + CHANNEL + "?").doesNotContain("Updating");
        assertThat(byUrn.exitCode()).as("%s", byUrn).isEqualTo(1);
        assertThat(byUrn.out()).contains("--target urn:pulumi:dev::testprog::ivs:index:Channel::eve matches no "
                + "resource of stack 'dev' (neither in its state nor declared by the program)");
        assertThat(destroy.exitCode()).as("%s", destroy).isEqualTo(1);
        assertThat(destroy.out()).contains("--target bogus matches no resource of stack 'dev'").doesNotContain("Destroying");
        assertThat(cloud.calls()).isEmpty();
        assertThat(cloud.objects()).hasSize(3);
        assertThat(Files.readString(state)).isEqualTo(before);
    }
}
