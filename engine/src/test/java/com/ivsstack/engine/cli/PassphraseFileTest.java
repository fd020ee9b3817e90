package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 10: the passphrase file of a stack that has secrets is never made up again: a missing one is
 * named, and nothing is written.
 */
class PassphraseFileTest {
    @TempDir
    Path dir;

    @Test
    void previewAndUp_passphraseFileOfAStackWithSecretsDeleted_sayItIsMissing_andMakeNoNewOne() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud);
        Map<String, String> noPassphrase = new LinkedHashMap<>(System.getenv());
        noPassphrase.remove("PULUMI_CONFIG_PASSPHRASE");
        noPassphrase.remove("PULUMI_CONFIG_PASSPHRASE_FILE");
        CliRunner cli = new CliRunner(project);
        assertThat(cli.run(noPassphrase, "up", "--yes").exitCode()).isZero();
        Path passphrase = dir.resolve(".ivsstack").resolve("passphrase");
        Path state = dir.resolve(".ivsstack/.pulumi/stacks/testprog/dev.json");
        assertThat(Files.readString(state)).as("the stack has secrets").contains("\"ciphertext\"");
        Files.delete(passphrase);
        String before = Files.readString(state);
        cloud.clearCalls();

        CliRunner.Run preview = cli.run(noPassphrase, "preview");
        CliRunner.Run up = cli.run(noPassphrase, "up", "--yes", "--skip-preview");

        for (CliRunner.Run run : new CliRunner.Run[] {preview, up}) {
            assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
            assertThat(run.err()).contains("the passphrase file " + passphrase + " is missing")
                    .contains("set PULUMI_CONFIG_PASSPHRASE").doesNotContain("incorrect passphrase");
        }
        assertThat(passphrase).doesNotExist();
        assertThat(Files.readString(state)).isEqualTo(before);
        assertThat(cloud.calls()).isEmpty();
    }
}
