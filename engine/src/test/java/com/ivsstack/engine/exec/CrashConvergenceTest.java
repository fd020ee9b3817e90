package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.FakeEngineMain;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.TestProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashConvergenceTest {
    @TempDir
    Path dir;

    @Test
    void upKilledWithSigkillDuringACreate_thenUpAgain_convergesWithNothingLeakedOrDuplicated() throws Exception {
        Path cloudFile = dir.resolve("cloud.json");
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        new TestProject(projectDir, new FakeCloud(cloudFile));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", TestProject.classpath(), FakeEngineMain.class.getName(),
                cloudFile.toString(), "60000",
                "up", "--yes", "--skip-preview", "--cwd", projectDir.toString(),
                "--program-classpath", TestProject.classpath(), "--main-class", TestProgram.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("engine.log").toFile());
        builder.environment().putAll(TestProject.environment());
        Process engine = builder.start();
        try {
            // The first create has reached the cloud; the provider now holds its answer back.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (new FakeCloud(Files.exists(cloudFile) ? cloudFile : null).objects().isEmpty()) {
                assertThat(System.nanoTime()).as("no create within 60 s; engine log:\n%s", log()).isLessThan(deadline);
                assertThat(engine.isAlive()).as("engine exited early:\n%s", log()).isTrue();
                Thread.sleep(100);
            }
        } finally {
            engine.descendants().forEach(ProcessHandle::destroyForcibly);
            engine.destroyForcibly(); // SIGKILL
            engine.waitFor(10, TimeUnit.SECONDS);
        }

        JsonNode checkpoint = new ObjectMapper().readTree(projectDir.resolve(".ivsstack/.pulumi/stacks/testprog/dev.json").toFile());
        assertThat(checkpoint.path("checkpoint").path("latest").path("pending_operations").findValuesAsText("type"))
                .contains("creating");

        FakeCloud cloud = new FakeCloud(cloudFile);
        TestProject project = new TestProject(projectDir, cloud);
        OperationResult up = project.engine().up(Engine.Options.DEFAULT);

        assertThat(up.errors()).isEmpty();
        Map<String, Long> byOwner = cloud.objects().stream()
                .collect(Collectors.groupingBy(FakeCloud.CloudObject::ownerUrn, Collectors.counting()));
        assertThat(byOwner).hasSize(3).allSatisfy((urn, count) -> assertThat(count).as(urn).isEqualTo(1L));
        Snapshot state = project.engine().store().load();
        assertThat(state.pendingOperations()).isEmpty();
        assertThat(state.resources()).as("the state holds the three resources")
                .filteredOn(r -> r.custom() && !r.isProvider()).hasSize(3);
        for (ResourceState r : state.resources()) {
            if (r.custom() && !r.isProvider()) {
                assertThat(cloud.get(r.id())).as(r.urn()).isPresent();
            }
        }
        assertThat(project.engine().preview(Engine.Options.DEFAULT).hasChanges()).isFalse();
    }

    private String log() throws java.io.IOException {
        Path log = dir.resolve("engine.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
