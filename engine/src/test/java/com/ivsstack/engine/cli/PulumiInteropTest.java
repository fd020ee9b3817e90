package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StateBackends;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.DiyLayout;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A state and a lock written in Pulumi's DIY layout (test data made from Pulumi's format, in
 * {@code src/test/resources/pulumi-diy}) are read and respected on every backend, and the lock ivsstack holds is one
 * the Pulumi CLI's check finds and reads.
 */
@ExtendWith(Backends.class)
class PulumiInteropTest {
    private static final Path FIXTURE = Path.of("src/test/resources/pulumi-diy");

    @TempDir
    Path dir;

    /** Copies a fixture tree into the backend, key by key, as the Pulumi CLI would have written it. */
    private static void upload(String url, Path tree) throws IOException {
        try (StateBackend backend = StateBackends.open(BackendUrl.parse(url, tree), Backends.environment());
             Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                backend.store().write(tree.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void pulumiState_isReadAndItsLockStopsIvsstackUntilCancelled(Backends.Kind kind, Backends backends) throws Exception {
        String url = backends.newUrl(kind);
        upload(url, FIXTURE.resolve("state"));
        TestProject project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
        project.set("channel", "false");
        CliRunner cli = new CliRunner(project, Backends.environment());

        assertThat(cli.run("stack", "ls", "--backend", url).out()).containsPattern("dev\\*\\s+\\d+ days ago\\s+4");
        assertThat(cli.run("stack", "history", "--backend", url).out()).contains("Version 1: update, succeeded")
                .contains("started  2025-08-01T10:00:00Z").contains("changes  create 4");
        CliRunner.Run preview = cli.run("preview", "--expect-no-changes", "--backend", url);
        assertThat(preview.exitCode()).as("the Pulumi CLI's state is the program's: %s", preview).isZero();

        upload(url, FIXTURE.resolve("lock"));
        CliRunner.Run refused = cli.run("up", "--yes", "--backend", url);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("stack 'dev' is locked by another run: the Pulumi CLI by alice@ci-7 (pid 4242) "
                + "since 2025-08-01T12:00:00.123456789+02:00").contains("3f0c8a52-6d1e-4b7a-9c2f-8e5d4a1b0c97.json")
                .contains("ivsstack cancel");
        assertThat(cli.run("preview", "--expect-no-changes", "--backend", url).exitCode())
                .as("a preview takes no lock, as in Pulumi").isZero();

        CliRunner.Run cancel = cli.run("cancel", "--yes", "--backend", url);
        assertThat(cancel.out()).contains("the Pulumi CLI by alice@ci-7 (pid 4242)").contains("Removed 1 lock");
        CliRunner.Run up = cli.run("up", "--yes", "--backend", url);
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(project.cloud().objects()).as("the Pulumi CLI's resources are kept, not created again").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void ivsstacksLock_isWhereThePulumiCliLooks_inItsFormat(Backends.Kind kind, Backends backends) throws Exception {
        String url = backends.newUrl(kind);
        TestProject project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
        try (Engine engine = Engine.builder().projectDirectory(project.directory()).backend(url)
                .connector(TestProject.connector(project.cloud())).environment(Backends.environment()).build();
             StackLock held = StackLock.acquire(engine.store(), "ivsstack up");
             StateBackend pulumi = StateBackends.open(BackendUrl.parse(url, dir), Backends.environment())) {
            // The Pulumi CLI's check: every object under the stack's lock directory other than its own lock stops it.
            List<BlobStore.Entry> locks = pulumi.store().list(new DiyLayout("testprog", "dev").lockDirectory());
            assertThat(locks).hasSize(1);
            JsonNode content = new ObjectMapper().readTree(pulumi.store().read(locks.get(0).key()).orElseThrow().data());
            assertThat(content.path("pid").isIntegralNumber()).isTrue();
            assertThat(content.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(content.path("username").asText()).isNotEmpty();
            assertThat(content.path("hostname").asText()).isNotEmpty();
            assertThat(OffsetDateTime.parse(content.path("timestamp").asText())).isNotNull();
        }
    }
}
