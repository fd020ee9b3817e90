package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.TestProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * The real provider and the local endpoint: the engine process is killed with SIGKILL while a create is pending,
 * and the next run finds what that create made (the provider's ownership tag) instead of creating it again.
 */
class LocalEndpointCrashTest {
    @TempDir
    Path dir;

    @Test
    void upKilledWhileACreateIsPending_thenUp_leavesExactlyOneChannelAndOneKey() throws Exception {
        new TestProject(dir, new FakeCloud()).set("recording", "false");
        Path checkpoint = dir.resolve(".ivsstack/.pulumi/stacks/testprog/dev.json");
        Path endpointData = dir.resolve(".ivsstack").resolve(IvsProviderSetup.LOCAL_ENDPOINT_FILE);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", TestProject.classpath(), IvsStackCli.class.getName(),
                "up", "--yes", "--skip-preview", "--local", "--cwd", dir.toString(),
                "--program-classpath", TestProject.classpath(), "--main-class", TestProgram.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("engine.log").toFile());
        builder.environment().putAll(TestProject.environment());
        Process engine = builder.start();
        boolean sawPendingCreate = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (engine.isAlive() && System.nanoTime() < deadline) {
                // Kill as soon as the channel exists on the endpoint: the engine has usually not recorded it yet.
                boolean pending = Files.exists(checkpoint) && readQuietly(checkpoint).contains("\"creating\"");
                sawPendingCreate |= pending;
                if (pending && Files.exists(endpointData) && readQuietly(endpointData).contains(":channel/")) {
                    break;
                }
                Thread.sleep(1);
            }
        } finally {
            engine.descendants().forEach(ProcessHandle::destroyForcibly);
            engine.destroyForcibly(); // SIGKILL
            engine.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(sawPendingCreate).as("a pending create was recorded before the kill; log:\n%s",
                Files.readString(dir.resolve("engine.log"))).isTrue();

        CliRunner.Run again = run("up", "--yes", "--skip-preview");
        assertThat(again.exitCode()).as("%s", again).isZero();

        try (IvsEmulator emulator = IvsEmulator.builder().port(0)
                .dataFile(dir.resolve(".ivsstack").resolve(IvsProviderSetup.LOCAL_ENDPOINT_FILE)).build().start();
             IvsClient ivs = IvsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            var channels = ivs.listChannels(b -> { }).channels();
            assertThat(channels).hasSize(1);
            assertThat(ivs.listStreamKeys(b -> b.channelArn(channels.get(0).arn())).streamKeys()).hasSize(1);
        }
        assertThat(run("preview", "--expect-no-changes").exitCode()).isZero();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return ""; // replaced while we read it
        }
    }

    private CliRunner.Run run(String... args) {
        return new LocalRun(dir, TestProject.classpath(), TestProgram.class.getName()).run(args);
    }
}
