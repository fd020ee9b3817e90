package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.backend.Backends;
import com.ivsstack.engine.testing.backend.FaultyHttpProxy;
import com.ivsstack.engine.testing.backend.PostgresServer;
import com.ivsstack.engine.testing.backend.S3Server;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * The state backend failing under the flagship's up and destroy: S3 answering 500 or dropping connections (before
 * the write, and after it, the answer lost) during checkpoint writes, through a fault-injecting proxy in front of
 * S3Proxy; PostgreSQL ending the run's session mid-up. Each run rides through or fails cleanly, and the next run
 * converges: the state matches the endpoint, nothing leaked or duplicated. Counts: {@code -Dreliability.backendChannels}
 * (creators; 3 in CI, 10 with {@code -Dreliability.full=true}), {@code -Dreliability.pgKills} (sessions killed
 * during one up; 1 in CI, 5 in full).
 */
@ExtendWith(Backends.class)
class BackendFaultsTest {
    private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void s3ErrorsAndDroppedConnectionsDuringCheckpointWrites_upAndDestroyRideThroughOrTheNextRunConverges(Backends backends)
            throws Exception {
        S3Server s3 = backends.s3();
        int creators = FlagshipStack.count("reliability.backendChannels", 3, 10);
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint());
             FaultyHttpProxy proxy = new FaultyHttpProxy(s3.endpoint(), SEED)) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators)
                    .onBackend(S3Server.url(s3.newBucket() + "/team", proxy.endpoint()));
            String[] phases = {"up", "destroy"};
            for (String phase : phases) {
                String[] args = phase.equals("up") ? new String[]{"up", "--yes", "--skip-preview"} : new String[]{"destroy", "--yes"};
                int expected = phase.equals("up") ? creators : 0;
                // Checkpoint writes and their .bak copies: 15% answered 500, 5% dropped before the server, 10%
                // dropped after it (the write landed, its answer lost).
                proxy.inject(line -> line.startsWith("PUT ") && line.contains("/.pulumi/stacks/"), 0.15, 0.05, 0.10);
                CliRunner.Run faulty = stack.run(args);
                proxy.clear();
                String outcome = faulty.exitCode() == 0 ? "rode through" : "failed cleanly";
                if (faulty.exitCode() != 0) {
                    assertThat(faulty.out() + faulty.err()).as("a clean failure names the backend: %s", faulty).contains("state backend s3://");
                    CliRunner.Run next = stack.run(args);
                    assertThat(next.exitCode()).as("the run after the faults: %s", next).isZero();
                }
                stack.assertMatchesEndpoint(ivs, expected);
                if (expected > 0) {
                    assertThat(stack.run("preview", "--expect-no-changes").exitCode()).isZero();
                }
                System.out.printf("FAULTS s3 %s seed=%d creators=%d: %s; %s%n", phase, SEED, creators, proxy.counts(), outcome);
            }
            assertThat(proxy.faults()).as("faults were injected").isPositive();
        }
    }

    @Test
    void postgresSessionKilledMidUp_theRunRidesThroughOrFailsCleanly_andTheNextRunConverges(Backends backends)
            throws Exception {
        PostgresServer pg = backends.postgres();
        int creators = FlagshipStack.count("reliability.backendChannels", 3, 10);
        int kills = FlagshipStack.count("reliability.pgKills", 1, 5);
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            String database = pg.newDatabase();
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators)
                    .onBackend(pg.url(database));
            CompletableFuture<CliRunner.Run> up = CompletableFuture.supplyAsync(() -> stack.run("up", "--yes", "--skip-preview"));
            int killed = 0;
            for (int i = 0; i < kills && !up.isDone(); i++) {
                long creates = emulator.admin().requestCount("CreateChannel");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!up.isDone() && emulator.admin().requestCount("CreateChannel") <= creates
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                killed += pg.killIvsstackSessions(database);
            }
            CliRunner.Run run = up.get(5, TimeUnit.MINUTES);
            String outcome = run.exitCode() == 0 ? "rode through" : "failed cleanly";
            if (run.exitCode() != 0) {
                assertThat(run.out() + run.err()).as("%s", run).contains("state backend postgres://");
                CliRunner.Run next = stack.run("up", "--yes", "--skip-preview");
                assertThat(next.exitCode()).as("the run after the kill: %s", next).isZero();
            }
            stack.assertMatchesEndpoint(ivs, creators);
            assertThat(stack.run("preview", "--expect-no-changes").exitCode()).isZero();
            System.out.printf("FAULTS postgres up creators=%d: %d sessions killed; %s%n", creators, killed, outcome);
            assertThat(killed).as("sessions killed mid-up").isPositive();
        }
    }
}
