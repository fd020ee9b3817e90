package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.backend.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * SIGKILL at random moments: the engine (a separate JVM running {@code ivsstack up} or {@code destroy} of the
 * flagship) once the endpoint has seen a random number of its writes, and the plugin process under an in-process
 * engine mid-create. After every kill the state file is valid, and the next normal run converges: the state matches
 * the endpoint exactly, nothing leaked, nothing duplicated. Counts: {@code -Dreliability.kills} (kills of up and
 * as many of destroy, on each backend: the project's directory, S3, PostgreSQL; 1 in CI, 20 with
 * {@code -Dreliability.full=true}), {@code -Dreliability.crashChannels}.
 */
@ExtendWith(Backends.class)
class CrashRecoveryTest {
    private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.Kind.class)
    void engineKilledAtRandomMomentsOfUpAndDestroy_everyNextRunConverges(Backends.Kind kind, Backends backends)
            throws Exception {
        int kills = FlagshipStack.count("reliability.kills", 1, 20);
        int creators = FlagshipStack.count("reliability.crashChannels", 3, 10);
        Random random = new Random(SEED);
        int killedUp = 0;
        int killedDestroy = 0;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators);
            if (kind != Backends.Kind.FILE) {
                stack.onBackend(backends.newUrl(kind));
            }
            // An S3 lock object outlives its killed holder (as in Pulumi and Terraform): the next run is refused
            // until it is cancelled. A file or PostgreSQL session lock goes with its process.
            boolean cancelAfterKill = kind == Backends.Kind.S3;
            LongSupplier writes = () -> emulator.admin().requestCounts().entrySet().stream()
                    .filter(e -> e.getKey().matches("(Create|Delete|Tag|Untag|Update).*"))
                    .mapToLong(Map.Entry::getValue).sum();
            for (int i = 0; i < kills; i++) {
                // up writes: 1 recording configuration, per creator a channel and two tag calls
                if (killDuring(stack, writes, 1 + random.nextInt(3 * creators + 1), "up", "--yes", "--skip-preview")) {
                    killedUp++;
                }
                cancelIf(cancelAfterKill, stack);
                converge(stack, ivs, creators, "up", "--yes", "--skip-preview");
                // destroy writes: per creator a stream key and a channel, then the recording configuration
                if (killDuring(stack, writes, 1 + random.nextInt(2 * creators + 1), "destroy", "--yes")) {
                    killedDestroy++;
                }
                cancelIf(cancelAfterKill, stack);
                converge(stack, ivs, 0, "destroy", "--yes");
            }
        }
        System.out.printf("CRASH engine %s seed=%d creators=%d killed-up=%d killed-destroy=%d of %d each; all converged%n",
                kind, SEED, creators, killedUp, killedDestroy, kills);
        assertThat(killedUp + killedDestroy).as("kills that landed mid-run").isGreaterThanOrEqualTo(kills);
    }

    /** Runs the CLI in its own JVM and SIGKILLs it (and the program) once the endpoint saw {@code afterWrites} more writes. */
    private boolean killDuring(FlagshipStack stack, LongSupplier writes, int afterWrites, String... args) throws Exception {
        long start = writes.getAsLong();
        Process engine = stack.process(args).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-run.log").toFile()).start();
        boolean killed = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (engine.isAlive() && writes.getAsLong() - start < afterWrites && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            killed = engine.isAlive();
        } finally {
            engine.descendants().forEach(ProcessHandle::destroyForcibly);
            engine.destroyForcibly(); // SIGKILL
            engine.waitFor(10, TimeUnit.SECONDS);
        }
        // Whatever moment it died at, the checkpoint is a whole one the engine can read.
        stack.state();
        return killed;
    }

    /** The killed run's S3 lock stays: the next run is refused naming it, until cancel removes it. */
    private static void cancelIf(boolean cancel, FlagshipStack stack) {
        if (cancel) {
            CliRunner.Run cancelled = stack.run("cancel", "--yes");
            assertThat(cancelled.exitCode()).as("%s", cancelled).isZero();
        }
    }

    private static void converge(FlagshipStack stack, IvsClient ivs, int creators, String... args) {
        CliRunner.Run run = stack.run(args);
        assertThat(run.exitCode()).as("the run after a kill:\n%s", run).isZero();
        stack.assertMatchesEndpoint(ivs, creators);
        if (creators > 0) {
            CliRunner.Run preview = stack.run("preview", "--expect-no-changes");
            assertThat(preview.exitCode()).as("no changes after converging:\n%s", preview).isZero();
        }
    }

    @Test
    void pluginKilledMidCreate_theNextRunConvergesWithoutLeakOrDuplicate() throws Exception {
        int kills = FlagshipStack.count("reliability.pluginKills", 1, 20);
        int creators = FlagshipStack.count("reliability.crashChannels", 3, 10);
        Random random = new Random(SEED);
        Path plugin = pluginLauncher(dir);
        int killed = 0;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators);
            for (int i = 0; i < kills; i++) {
                long creates = emulator.admin().requestCount("CreateChannel");
                int afterCreates = 1 + random.nextInt(creators);
                Thread killer = new Thread(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (emulator.admin().requestCount("CreateChannel") - creates < afterCreates
                            && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    killPlugin(plugin);
                });
                killer.start();
                CliRunner.Run interrupted = stack.run("up", "--yes", "--skip-preview", "--plugin", plugin.toString());
                killer.join();
                if (interrupted.exitCode() != 0) {
                    killed++;
                }
                stack.state();
                CliRunner.Run next = stack.run("up", "--yes", "--skip-preview", "--plugin", plugin.toString());
                assertThat(next.exitCode()).as("the run after the plugin was killed:\n%s", next).isZero();
                stack.assertMatchesEndpoint(ivs, creators);
                CliRunner.Run destroy = stack.run("destroy", "--yes", "--plugin", plugin.toString());
                assertThat(destroy.exitCode()).as("%s", destroy).isZero();
                stack.assertMatchesEndpoint(ivs, 0);
                assertNoPluginLeft(plugin);
            }
        }
        System.out.printf("CRASH plugin seed=%d creators=%d killed=%d of %d; all converged%n", SEED, creators, killed, kills);
        assertThat(killed).as("plugin kills that failed the run").isPositive();
    }

    /** The pids of every plugin process the launcher started (it appends its pid, which exec keeps). */
    static List<Long> pluginPids(Path launcher) throws IOException {
        Path pids = launcher.resolveSibling("plugin.pids");
        return Files.exists(pids) ? Files.readAllLines(pids).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(Long::parseLong).toList() : List.of();
    }

    /** Every plugin process the engine started has ended once its runs are over (none is leaked). */
    static void assertNoPluginLeft(Path launcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Long> alive;
        do {
            alive = pluginPids(launcher).stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(alive).as("plugin processes still running after their runs ended").isEmpty();
    }

    /** SIGKILLs the plugin process the launcher started last. */
    private static void killPlugin(Path launcher) {
        try {
            List<Long> pids = pluginPids(launcher);
            long pid = pids.get(pids.size() - 1);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no plugin pid to kill", e);
        }
    }

    /** A pulumi-resource-ivs launcher running this build's provider (as the packaged launcher does), noting its pid. */
    static Path pluginLauncher(Path dir) throws IOException {
        return pluginLauncher(dir, "");
    }

    /** The same, with more JVM options for the plugin (e.g. its log levels). */
    static Path pluginLauncher(Path dir, String jvmOptions) throws IOException {
        Path launcher = dir.resolve("plugin").resolve("pulumi-resource-ivs");
        Files.createDirectories(launcher.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\necho $$ >> '" + launcher.resolveSibling("plugin.pids") + "'\nexec '" + java + "' -XX:TieredStopAtLevel=1 " + jvmOptions + " -cp '" + TestProject.classpath()
                + "' com.ivsstack.provider.ProviderMain \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
