package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.testing.CliRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;

/**
 * Sixteen engine runs at once, each on its own stack of the flagship, against one endpoint: all converge, each state
 * holds exactly its own resources and together they are everything the endpoint has. Two runs on one stack: the
 * second is refused by the stack lock with a message saying who holds it and what to do.
 */
class ConcurrentRunsTest {
    @TempDir
    Path dir;

    @Test
    void sixteenConcurrentRunsOnDifferentStacks_allConvergeWithoutMixingResources() throws Exception {
        int stacks = FlagshipStack.count("reliability.stacks", 4, 16);
        int creators = 1;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            List<FlagshipStack> all = new ArrayList<>();
            for (int i = 0; i < stacks; i++) {
                all.add(new FlagshipStack(dir.resolve("project"), emulator.endpoint(), creators, "stack" + i, ""));
            }
            long start = System.nanoTime();
            runAll(all, "up", "--yes", "--skip-preview");
            long upMillis = (System.nanoTime() - start) / 1_000_000;

            Set<String> ids = new HashSet<>();
            for (FlagshipStack stack : all) {
                List<ResourceState> resources = stack.state().resources().stream()
                        .filter(r -> r.custom() && !r.isProvider()).toList();
                assertThat(resources).hasSize(2 * creators + 1);
                resources.forEach(r -> assertThat(ids.add(r.id())).as("%s is in one state only", r.id()).isTrue());
                assertThat(stack.run("preview", "--expect-no-changes").exitCode()).isZero();
            }
            List<String> channels = FlagshipStack.listChannels(ivs).stream().map(ChannelSummary::arn).toList();
            assertThat(channels).hasSize(stacks * creators);
            assertThat(ids).containsAll(channels);

            start = System.nanoTime();
            runAll(all, "destroy", "--yes");
            long destroyMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(FlagshipStack.listChannels(ivs)).isEmpty();
            System.out.printf("CONCURRENCY %d stacks at once: up %d ms, destroy %d ms, all converged%n",
                    stacks, upMillis, destroyMillis);
        }
    }

    private static void runAll(List<FlagshipStack> stacks, String... args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(stacks.size());
        try {
            List<Future<CliRunner.Run>> runs = new ArrayList<>();
            for (FlagshipStack stack : stacks) {
                runs.add(pool.submit(() -> stack.run(args)));
            }
            for (Future<CliRunner.Run> run : runs) {
                CliRunner.Run result = run.get(5, TimeUnit.MINUTES);
                assertThat(result.exitCode()).as("%s", result).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRunsOnTheSameStack_theSecondIsRefusedByTheLockWithAClearMessage() throws Exception {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start()) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("project"), emulator.endpoint(), 1);
            // The first run (its own JVM) is held at its first channel create while the second one starts.
            emulator.admin().injectFault(FaultRule.latency("CreateChannel", Duration.ofSeconds(20)).times(1));
            Process first = stack.process("up", "--yes", "--skip-preview").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("first.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (emulator.admin().requestCount("CreateChannel") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(emulator.admin().requestCount("CreateChannel")).as("the first run reached its create").isOne();

                CliRunner.Run second = stack.run("up", "--yes", "--skip-preview");
                assertThat(second.exitCode()).isEqualTo(1);
                assertThat(second.out() + second.err()).contains("locked by another run")
                        .contains("pid " + first.pid()).contains("wait for it to finish");
                CliRunner.Run destroy = stack.run("destroy", "--yes");
                assertThat(destroy.out() + destroy.err()).contains("locked by another run");
            } finally {
                first.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
            }
            // The lock went with the killed process: the next run goes ahead and converges.
            emulator.admin().clearFaults();
            CliRunner.Run next = stack.run("up", "--yes", "--skip-preview");
            assertThat(next.exitCode()).as("%s", next).isZero();
        }
    }
}
