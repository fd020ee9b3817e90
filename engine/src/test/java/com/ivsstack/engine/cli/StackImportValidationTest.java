package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 6: stack import validates the whole deployment before it replaces anything; an invalid one leaves
 * the state as it was, with every problem named.
 */
class StackImportValidationTest {
    @TempDir
    Path dir;

    @Test
    void stackImport_invalidDeployment_isRefusedNamingTheProblem_andTheStateIsUnchanged() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud).deployed();
        Path state = project.engine().store().checkpointFile();
        String before = Files.readString(state);
        CliRunner cli = new CliRunner(project);
        Path garbage = Files.writeString(dir.resolve("garbage.json"),
                "{\"version\":3,\"deployment\":{\"manifest\":{},\"resources\":[{\"urn\":\"garbage\"}]}}");
        Path exported = dir.resolve("exported.json");
        assertThat(cli.run("stack", "export", "--file", exported.toString()).exitCode()).isZero();
        Path otherStack = Files.writeString(dir.resolve("other-stack.json"),
                Files.readString(exported).replace("urn:pulumi:dev::", "urn:pulumi:prod::"));

        CliRunner.Run invalid = cli.run("stack", "import", "--file", garbage.toString());
        CliRunner.Run foreign = cli.run("stack", "import", "--file", otherStack.toString());

        assertThat(invalid.exitCode()).as("%s", invalid).isEqualTo(1);
        assertThat(invalid.err()).contains("the deployment is not valid, so the state was left as it was: "
                + "deployment.resources[0].urn: malformed URN 'garbage'");
        assertThat(foreign.exitCode()).as("%s", foreign).isEqualTo(1);
        assertThat(foreign.err()).contains("belongs to another stack or project");
        assertThat(Files.readString(state)).isEqualTo(before);

        CliRunner.Run valid = cli.run("stack", "import", "--file", exported.toString());
        assertThat(valid.exitCode()).as("%s", valid).isZero();
        assertThat(valid.out()).contains("Imported the state of stack dev: 6 resources.")
                .contains("The previous state is kept in " + project.engine().store().backupFile());
        OperationResult refresh = project.engine().refresh(false, Engine.Options.DEFAULT);
        assertThat(refresh.errors()).isEmpty();
        assertThat(refresh.hasChanges()).isFalse();
        assertThat(cloud.calls()).isEmpty();
    }
}
