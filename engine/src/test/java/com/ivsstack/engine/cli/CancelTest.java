package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ivsstack cancel} never takes a lock from a run that is still alive where the store can tell (a file or a
 * PostgreSQL session lock); on S3, where a lock object cannot tell, it removes the lock after confirmation, and the
 * next run goes ahead.
 */
@ExtendWith(Backends.class)
class CancelTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void cancel_whileTheHolderRuns_isRefusedWhereTheStoreCanTell(Backends.Kind kind, Backends backends) throws Exception {
        String url = backends.newUrl(kind);
        TestProject project = new TestProject(Files.createDirectories(dir.resolve("project")), new FakeCloud());
        CliRunner cli = new CliRunner(project, Backends.environment());
        try (Engine holder = Engine.builder().projectDirectory(project.directory()).backend(url)
                .connector(TestProject.connector(project.cloud())).environment(Backends.environment()).build();
             StackLock held = StackLock.acquire(holder.store(), "ivsstack up")) {
            assertThat(cli.run("cancel", "--backend", url).exitCode()).as("no confirmation without a terminal").isEqualTo(1);
            CliRunner.Run cancel = cli.run("cancel", "--yes", "--backend", url);
            if (kind == Backends.Kind.S3) {
                assertThat(cancel.exitCode()).as("%s", cancel).isZero();
                assertThat(cancel.out()).contains("ivsstack up by").contains("Removed 1 lock");
                assertThat(cli.run("up", "--yes", "--backend", url).exitCode()).isZero();
            } else {
                assertThat(cancel.exitCode()).isEqualTo(1);
                assertThat(cancel.err()).contains("is locked by a run that is still running: ivsstack up by")
                        .contains("Its lock is released when it ends");
                assertThat(cli.run("up", "--yes", "--backend", url).err()).contains("is locked by another run");
            }
        }
        assertThat(cli.run("cancel", "--yes", "--backend", url).out()).contains("is not locked");
    }
}
