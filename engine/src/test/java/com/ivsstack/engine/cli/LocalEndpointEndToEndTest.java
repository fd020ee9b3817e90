package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.TestProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;

/** The real IVS provider, in-process, against the embedded local endpoint: what README command 1 does. */
class LocalEndpointEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void upPreviewEditRefreshDestroy_againstTheLocalEndpoint() throws Exception {
        TestProject project = new TestProject(dir, new FakeCloud()).set("recording", "false");

        CliRunner.Run up = run("up", "--yes");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("+ ivs:index:Channel main created", "+ ivs:index:StreamKey main-key created",
                "streamKey: [secret]");
        assertThat(channels()).extracting(ChannelSummary::name).containsExactly("main-channel");

        assertThat(run("preview", "--expect-no-changes").exitCode()).isZero();

        project.set("latency", "NORMAL");
        CliRunner.Run edited = run("preview", "--format", "json", "--expect-no-changes");
        assertThat(edited.exitCode()).as("%s", edited).isEqualTo(IvsStackCli.EXIT_CHANGES);
        List<String> changes = new ArrayList<>();
        for (JsonNode step : new ObjectMapper().readTree(edited.out()).path("steps")) {
            step.path("detailedDiff").forEach(d -> changes.add(step.path("name").asText() + "." + d.path("path").asText()));
        }
        assertThat(changes).containsExactly("main.latencyMode");

        assertThat(run("up", "--yes", "--skip-preview").exitCode()).isZero();
        assertThat(run("refresh", "--preview-only", "--expect-no-changes").exitCode()).isZero();
        assertThat(run("preview", "--expect-no-changes").exitCode()).isZero();

        CliRunner.Run destroy = run("destroy", "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(channels()).isEmpty();
    }

    private List<ChannelSummary> channels() {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0)
                .dataFile(dir.resolve(".ivsstack").resolve(IvsProviderSetup.LOCAL_ENDPOINT_FILE)).build().start();
             IvsClient ivs = IvsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            return ivs.listChannels(b -> { }).channels();
        }
    }

    private CliRunner.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--local", "--cwd", dir.toString(), "--program-classpath", TestProject.classpath(),
                "--main-class", TestProgram.class.getName()));
        IvsStackCli cli = new IvsStackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                TestProject.environment(), new IvsProviderSetup(), false);
        int code = IvsStackCli.commandLine(cli).execute(all.toArray(String[]::new));
        CliRunner.Run run = new CliRunner.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + run);
        return run;
    }
}
