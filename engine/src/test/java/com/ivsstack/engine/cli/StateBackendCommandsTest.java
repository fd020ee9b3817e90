package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StateBackends;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.DiyLayout;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command of ivsstack on every backend (a directory, S3Proxy, PostgreSQL), with the engine's test program and
 * provider: the lifecycle of a stack, the commands a shared backend needs, and a stack moved from one backend to
 * another with stack export and stack import.
 */
@ExtendWith(Backends.class)
class StateBackendCommandsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void everyCommand_onTheBackend_keepsTheStackInPulumisLayout(Backends.Kind kind, Backends backends) throws Exception {
        String url = backends.newUrl(kind);
        TestProject project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
        CliRunner cli = new CliRunner(project, Backends.environment());

        assertThat(cli.run("stack", "ls", "--backend", url).out()).contains("No stacks of this project");
        CliRunner.Run up = cli.run("up", "--yes", "--backend", url);
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(cli.run("preview", "--expect-no-changes", "--backend", url).exitCode()).isZero();
        assertThat(cli.run("stack", "output", "playbackUrl", "--backend", url).out()).contains("https://");
        assertThat(cli.run("refresh", "--yes", "--backend", url).exitCode()).isZero();

        try (StateBackend backend = StateBackends.open(BackendUrl.parse(url, dir), Backends.environment())) {
            BlobStore store = backend.store();
            DiyLayout layout = new DiyLayout("testprog", "dev");
            assertThat(new String(store.read(DiyLayout.META).orElseThrow().data(), StandardCharsets.UTF_8)).isEqualTo("version: 1\n");
            String checkpoint = new String(store.read(layout.checkpoint()).orElseThrow().data(), StandardCharsets.UTF_8);
            assertThat(checkpoint).contains("\"stack\" : \"organization/testprog/dev\"").contains("ivs:index:Channel");
            assertThat(store.read(layout.backup())).isPresent();
            assertThat(store.list(layout.lockDirectory())).as("no lock left").isEmpty();
            assertThat(store.list(layout.historyDirectory())).extracting(BlobStore.Entry::key)
                    .anyMatch(k -> k.matches(".*/dev-\\d+\\.history\\.json")).anyMatch(k -> k.endsWith(".checkpoint.json"));
        }

        CliRunner.Run ls = cli.run("stack", "ls", "--backend", url);
        assertThat(ls.out()).containsPattern("dev\\*\\s+\\d+ seconds? ago\\s+\\d+");
        CliRunner.Run history = cli.run("stack", "history", "--backend", url);
        assertThat(history.out()).contains("Version 2: refresh, succeeded").contains("Version 1: update, succeeded")
                .contains("changes  create");

        CliRunner.Run refused = cli.run("stack", "rm", "--yes", "--backend", url);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("still holds").contains("ivsstack destroy").contains("--force");

        // Moving the stack: export from this backend, import into a new one, and it is the same stack there.
        Path exported = dir.resolve("dev.json");
        assertThat(cli.run("stack", "export", "--file", exported.toString(), "--backend", url).exitCode()).isZero();
        String other = backends.newUrl(kind == Backends.Kind.FILE ? Backends.Kind.POSTGRES : Backends.Kind.FILE);
        assertThat(cli.run("stack", "import", "--file", exported.toString(), "--backend", other).exitCode()).isZero();
        CliRunner.Run moved = cli.run("preview", "--expect-no-changes", "--backend", other);
        assertThat(moved.exitCode()).as("%s", moved).isZero();

        assertThat(cli.run("cancel", "--yes", "--backend", url).out()).contains("is not locked");
        assertThat(cli.run("destroy", "--yes", "--backend", url).exitCode()).isZero();
        assertThat(cli.run("stack", "history", "--backend", url).out()).contains("Version 3: destroy, succeeded");
        CliRunner.Run rm = cli.run("stack", "rm", "--yes", "--preserve-config", "--backend", url);
        assertThat(rm.exitCode()).as("%s", rm).isZero();
        assertThat(cli.run("stack", "ls", "--backend", url).out()).contains("No stacks of this project");
        assertThat(project.directory().resolve("Pulumi.dev.yaml")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void backendFromTheEnvironmentOrPulumiYaml_isUsedWhenNoOptionNamesOne(Backends.Kind kind, Backends backends) throws Exception {
        String fromEnvironment = backends.newUrl(kind);
        TestProject project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
        Map<String, String> env = new java.util.HashMap<>(Backends.environment());
        env.put("PULUMI_BACKEND_URL", fromEnvironment);
        assertThat(new CliRunner(project, env).run("up", "--yes").exitCode()).isZero();
        assertThat(new CliRunner(project, Backends.environment()).run("stack", "ls", "--backend", fromEnvironment).out())
                .contains("dev*");

        String fromProject = backends.newUrl(kind);
        project.write("Pulumi.yaml", "name: testprog\nruntime: java\nbackend:\n  url: " + fromProject + "\n");
        CliRunner cli = new CliRunner(project, Backends.environment());
        assertThat(cli.run("up", "--yes").exitCode()).isZero();
        assertThat(cli.run("stack", "ls", "--backend", fromProject).out()).contains("dev*");
        assertThat(Files.exists(project.directory().resolve(".ivsstack/.pulumi/stacks/testprog/dev.json")))
                .as("nothing in the default directory").isFalse();
    }
}
