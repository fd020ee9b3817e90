package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;

/** A stack whose state file is lost is rebuilt by {@code ivsstack import --all-owned}: no channel is created again. */
class LostStateImportTest {
    @TempDir
    Path dir;

    @Test
    void stateFileLost_importAllOwned_adoptsEveryResourceAndTheNextUpCreatesNothing() throws Exception {
        int creators = 2;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators);
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            List<String> channels = FlagshipStack.listChannels(ivs).stream().map(ChannelSummary::arn).sorted().toList();

            Files.delete(stack.stateFile());
            emulator.admin().resetRequestCounts();
            CliRunner.Run imported = stack.run("import", "--all-owned");
            assertThat(imported.exitCode()).as("%s", imported).isZero();
            assertThat(imported.out()).contains("imported");
            stack.assertMatchesEndpoint(ivs, creators);

            CliRunner.Run up = stack.run("up", "--yes", "--skip-preview");
            assertThat(up.exitCode()).as("%s", up).isZero();
            assertThat(emulator.admin().requestCount("CreateChannel")).as("no channel created again").isZero();
            assertThat(emulator.admin().requestCount("DeleteChannel")).isZero();
            assertThat(FlagshipStack.listChannels(ivs).stream().map(ChannelSummary::arn).sorted().toList())
                    .isEqualTo(channels);
            stack.assertMatchesEndpoint(ivs, creators);
            CliRunner.Run preview = stack.run("preview", "--expect-no-changes");
            assertThat(preview.exitCode()).as("%s", preview).isZero();
        }
    }

    @Test
    void importWithoutArgumentsOrAllOwned_isRefusedWithTheTwoWaysToCallIt() {
        FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), java.net.URI.create("http://127.0.0.1:9"), 1);
        CliRunner.Run run = stack.run("import");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("TYPE NAME ID").contains("--all-owned");
    }
}
