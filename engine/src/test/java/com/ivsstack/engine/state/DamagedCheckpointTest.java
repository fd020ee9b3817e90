package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 1: a checkpoint that is not a valid one is refused, naming the file and the ways back (its backup,
 * import --all-owned); it is never read as a new stack, which would create every resource again.
 */
class DamagedCheckpointTest {
    @TempDir
    Path dir;

    private final FakeCloud cloud = new FakeCloud();

    private TestProject deployed() {
        return new TestProject(dir, cloud).deployed();
    }

    /** What the issue found read as a new stack, and more: each must be refused. */
    private static final List<String> NOT_CHECKPOINTS = List.of("{}", "null", "{\"version\":3}",
            "{\"version\":3,\"checkpoint\":{}}", "[1, 2]", "{\"version\":3,\"checkpoint\":{\"stack\":"
                    + "\"organization/testprog/dev\",\"latest\":{\"manifest\":{},\"resources\":[{\"urn\":\"garbage\"}]}}}");

    @Test
    void up_emptyCheckpoint_isRefusedNamingTheFileAndTheWaysBack_andCreatesNothing() throws Exception {
        TestProject project = deployed();
        Path file = project.engine().store().checkpointFile();
        Files.writeString(file, "");
        int objects = cloud.objects().size();

        CliRunner.Run up = new CliRunner(project).run("up", "--yes");

        assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
        assertThat(up.err()).contains("the checkpoint " + file + " is not usable: it is empty (0 bytes)")
                .contains("rather than treating the stack as new")
                .contains("cp '" + project.engine().store().backupFile() + "' '" + file + "'")
                .contains("ivsstack import --all-owned");
        assertThat(up.out()).doesNotContain("create");
        assertThat(cloud.calls()).as("nothing created, changed or deleted").isEmpty();
        assertThat(cloud.objects()).hasSize(objects);
        assertThat(Files.readString(file)).as("the damaged file is left for the user to inspect").isEmpty();
    }

    @Test
    void everyOperation_checkpointThatIsNotACheckpoint_isRefusedAndChangesNothing() throws Exception {
        TestProject project = deployed();
        Engine engine = project.engine();
        Path file = engine.store().checkpointFile();
        for (String content : NOT_CHECKPOINTS) {
            Files.writeString(file, content);

            assertThatThrownBy(() -> engine.destroy(false, Engine.Options.DEFAULT)).as(content)
                    .isInstanceOf(DamagedCheckpointException.class)
                    .hasMessageContaining("the checkpoint " + file + " is not usable")
                    .hasMessageContaining("cp '" + engine.store().backupFile() + "'")
                    .hasMessageContaining("ivsstack import --all-owned");
            assertThatThrownBy(() -> engine.refresh(false, Engine.Options.DEFAULT)).as(content)
                    .isInstanceOf(DamagedCheckpointException.class);
            assertThat(Files.readString(file)).isEqualTo(content);
        }
        assertThat(cloud.calls()).isEmpty();
    }

    @Test
    void everyWrite_keepsThePreviousCheckpoint_andRestoringItConverges_whileALostOneIsRefused() throws Exception {
        TestProject project = deployed();
        CheckpointStore store = project.engine().store();
        String first = Files.readString(store.checkpointFile());
        project.set("tag", "audio");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        assertThat(Files.readString(store.checkpointFile())).isNotEqualTo(first);
        assertThat(Files.readString(store.backupFile())).as("the write before the last")
                .isNotEqualTo(Files.readString(store.checkpointFile()));
        try (Stream<Path> files = Files.list(store.checkpointFile().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("dev.json", "dev.json.bak");
        }

        // What a power loss used to leave; the backup is the way back, and the next up creates nothing again.
        Files.writeString(store.checkpointFile(), "");
        Files.copy(store.backupFile(), store.checkpointFile(), StandardCopyOption.REPLACE_EXISTING);
        cloud.clearCalls();
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        assertThat(cloud.calls()).noneMatch(call -> call.startsWith("create"));
        assertThat(store.load().resources().stream().filter(r -> r.custom() && !r.isProvider()).map(ResourceState::id))
                .containsExactlyInAnyOrderElementsOf(cloud.objects().stream().map(FakeCloud.CloudObject::id).toList());

        // A checkpoint gone while its backup holds resources is lost, not new.
        Files.delete(store.checkpointFile());
        assertThatThrownBy(() -> project.engine().destroy(false, Engine.Options.DEFAULT))
                .isInstanceOf(DamagedCheckpointException.class)
                .hasMessageContaining("it is missing, but the backup of the previous checkpoint holds")
                .hasMessageContaining("delete " + store.backupFile() + " to start it anew");
        assertThat(store.checkpointFile()).doesNotExist();
        assertThat(cloud.objects()).hasSize(3);
    }

    @Test
    void load_checkpointOfPulumiStackInit_isANewEmptyStack() throws Exception {
        TestProject project = new TestProject(dir, cloud);
        Path file = project.engine().store().checkpointFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":3,\"checkpoint\":{\"stack\":\"organization/testprog/dev\"}}");

        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        assertThat(cloud.objects()).hasSize(3);
    }
}
