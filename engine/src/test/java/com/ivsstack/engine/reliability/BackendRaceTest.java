package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.FakeEngineMain;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import com.ivsstack.engine.testing.program.TestProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two {@code ivsstack up} processes started at once on one stack: exactly one runs, the other fails naming the
 * holder, and the state stays valid (the next preview has no changes; each resource exists once). On PostgreSQL and
 * on files, where the lock is atomic (a session advisory lock, an operating-system file lock); the S3 test servers are
 * not atomic under a race, so S3's lock is tested one request at a time (BlobStoreContractTest). Counts:
 * {@code -Dreliability.races} (races per backend; 1 in CI, 20 with {@code -Dreliability.full=true}).
 */
@ExtendWith(Backends.class)
class BackendRaceTest {
    /** Each create is held back this long, so the winner still holds the lock when the loser asks for it. */
    private static final String CREATE_DELAY_MILLIS = "1000";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backends.Kind.class, names = {"FILE", "POSTGRES"})
    void twoUpsAtOnce_exactlyOneRuns_theOtherNamesTheHolder_andTheStateStaysValid(Backends.Kind kind, Backends backends)
            throws Exception {
        int races = FlagshipStack.count("reliability.races", 1, 20);
        int singleWinners = 0;
        for (int race = 0; race < races; race++) {
            String url = backends.newUrl(kind);
            Path cloudFile = dir.resolve("cloud-" + race + ".json");
            Path projectDir = Files.createDirectories(dir.resolve("project-" + race));
            new TestProject(projectDir, new FakeCloud(cloudFile));

            List<Process> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(process(cloudFile, projectDir, url, dir.resolve("race-" + race + "-" + i + ".log")).start());
            }
            List<Integer> exits = new ArrayList<>();
            for (Process run : runs) {
                assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("a run hung").isTrue();
                exits.add(run.exitValue());
            }
            int winner = exits.indexOf(0);
            assertThat(exits).as("race %d: one success and one refusal", race).containsExactlyInAnyOrder(0, 1);
            String loserLog = Files.readString(dir.resolve("race-" + race + "-" + (1 - winner) + ".log"));
            assertThat(loserLog).contains("stack 'dev' is locked by another run: ivsstack up by")
                    .contains("(pid " + runs.get(winner).pid() + ")");

            FakeCloud cloud = new FakeCloud(cloudFile);
            TestProject project = new TestProject(projectDir, cloud);
            Map<String, Long> byOwner = cloud.objects().stream()
                    .collect(Collectors.groupingBy(FakeCloud.CloudObject::ownerUrn, Collectors.counting()));
            assertThat(byOwner).hasSize(3).allSatisfy((urn, count) -> assertThat(count).as(urn).isEqualTo(1L));
            CliRunner cli = new CliRunner(project, Backends.environment());
            CliRunner.Run preview = cli.run("preview", "--expect-no-changes", "--backend", url);
            assertThat(preview.exitCode()).as("race %d: %s", race, preview).isZero();
            try (var engine = com.ivsstack.engine.Engine.builder().projectDirectory(projectDir).backend(url)
                    .connector(TestProject.connector(cloud)).environment(TestProject.environment()).build()) {
                Snapshot state = engine.store().load();
                assertThat(state.pendingOperations()).isEmpty();
                for (ResourceState r : state.resources()) {
                    if (r.custom() && !r.isProvider()) {
                        assertThat(cloud.get(r.id())).as(r.urn()).isPresent();
                    }
                }
            }
            singleWinners++;
        }
        System.out.printf("RACES %s: %d races, %d single winners%n", kind, races, singleWinners);
    }

    private static ProcessBuilder process(Path cloudFile, Path projectDir, String url, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", TestProject.classpath(), FakeEngineMain.class.getName(), cloudFile.toString(), CREATE_DELAY_MILLIS,
                "up", "--yes", "--skip-preview", "--cwd", projectDir.toString(), "--backend", url,
                "--program-classpath", TestProject.classpath(), "--main-class", TestProgram.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(TestProject.environment());
        builder.environment().putAll(Backends.environment());
        return builder;
    }
}
