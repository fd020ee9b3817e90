package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * The flagship under an unreliable endpoint: 20% throttling, 10% HTTP 500, 2% dropped connections and random added
 * latency on every operation. Up and destroy succeed, and afterwards the state matches the endpoint exactly. The
 * retries per operation are the extra requests the endpoint counted compared with the same run without faults.
 * Counts: {@code -Dreliability.channels} (default 5 in CI, 50 with {@code -Dreliability.full=true}).
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    /** First matching rule wins, so each rate is conditional on the ones before not firing. */
    static void injectUnreliableNetwork(IvsEmulator emulator) {
        emulator.admin().injectFault(
                FaultRule.throttle(FaultRule.ANY_OPERATION).withRate(0.20),
                FaultRule.internalError(FaultRule.ANY_OPERATION).withRate(0.10 / 0.80),
                FaultRule.dropConnection(FaultRule.ANY_OPERATION).withRate(0.02 / 0.70),
                FaultRule.latency(FaultRule.ANY_OPERATION, Duration.ofMillis(50)).withRate(0.15),
                FaultRule.latency(FaultRule.ANY_OPERATION, Duration.ofMillis(300)).withRate(0.05));
    }

    @Test
    void upAndDestroyOfTheFlagship_underThrottlingErrorsLatencyAndDrops_succeedAndStateMatchesTheEndpoint() {
        int creators = FlagshipStack.count("reliability.channels", 5, 50);
        Map<String, Long> baselineUp;
        Map<String, Long> baselineDestroy;
        try (IvsEmulator clean = IvsEmulator.builder().port(0).build().start()) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("baseline"), clean.endpoint(), creators);
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            baselineUp = clean.admin().requestCounts();
            clean.admin().resetRequestCounts();
            assertThat(stack.run("destroy", "--yes").exitCode()).isZero();
            baselineDestroy = clean.admin().requestCounts();
        }

        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            // At ~32% failed attempts, the default 5 retries leave 0.3^6 = 0.07% of operations failing, about one
            // in four 50-channel runs; 10 retries (a provider setting) leave 2 in a million.
            FlagshipStack stack = new FlagshipStack(dir.resolve("faulty"), emulator.endpoint(), creators, "dev",
                    "  ivs:maxRetries: 10\n");

            injectUnreliableNetwork(emulator);
            long start = System.nanoTime();
            CliRunner.Run up = stack.run("up", "--yes", "--skip-preview");
            long upMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Long> faultyUp = emulator.admin().requestCounts();
            emulator.admin().clearFaults();
            assertThat(up.exitCode()).as("%s", up).isZero();
            stack.assertMatchesEndpoint(ivs, creators);

            emulator.admin().resetRequestCounts();
            injectUnreliableNetwork(emulator);
            start = System.nanoTime();
            CliRunner.Run destroy = stack.run("destroy", "--yes");
            long destroyMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Long> faultyDestroy = emulator.admin().requestCounts();
            emulator.admin().clearFaults();
            assertThat(destroy.exitCode()).as("%s", destroy).isZero();
            stack.assertMatchesEndpoint(ivs, 0);
            assertThat(FlagshipStack.listChannels(ivs)).isEmpty();

            System.out.printf("FAULTS creators=%d up=%d ms destroy=%d ms%n", creators, upMillis, destroyMillis);
            printRetries("up", baselineUp, faultyUp);
            printRetries("destroy", baselineDestroy, faultyDestroy);
        }
    }

    /** Prints "operation requests-without-faults requests-with-faults retries" for each operation. */
    private static void printRetries(String phase, Map<String, Long> baseline, Map<String, Long> faulty) {
        TreeSet<String> operations = new TreeSet<>(baseline.keySet());
        operations.addAll(faulty.keySet());
        Map<String, Long> retries = new TreeMap<>();
        for (String op : operations) {
            long clean = baseline.getOrDefault(op, 0L);
            long withFaults = faulty.getOrDefault(op, 0L);
            retries.put(op, withFaults - clean);
            System.out.printf("RETRIES %-8s %-32s clean=%5d faulty=%5d extra=%5d%n", phase, op, clean, withFaults,
                    withFaults - clean);
        }
        assertThat(faulty.values().stream().mapToLong(Long::longValue).sum())
                .as("the faults made the tool retry").isGreaterThan(baseline.values().stream().mapToLong(Long::longValue).sum());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "AccessDeniedException, CreateChannel, creator-creator, Grant the credentials the IVS permission",
            "ServiceQuotaExceededException, CreateChannel, creator-creator, request a higher IVS service quota",
            "AccessDeniedException, CreateRecordingConfiguration, vod-recordings, Grant the credentials the IVS permission"})
    void faultTheToolCannotFix_failsFastNamingResourceCauseAndFix_andTheNextRunContinues(
            String errorCode, String operation, String resource, String fixHint) {
        // CI keeps to the first row (same path, another error code or operation); the full run takes them all.
        org.junit.jupiter.api.Assumptions.assumeTrue(FlagshipStack.full()
                || (errorCode.equals("AccessDeniedException") && operation.equals("CreateChannel")));
        int creators = 3;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("stack"), emulator.endpoint(), creators);
            emulator.admin().injectFault(FaultRule.error(operation, errorCode));

            long start = System.nanoTime();
            CliRunner.Run failed = stack.run("up", "--yes", "--skip-preview");
            long millis = (System.nanoTime() - start) / 1_000_000;
            emulator.admin().clearFaults();

            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            String output = failed.out() + failed.err();
            assertThat(output).as("names the resource").contains(resource);
            assertThat(output).as("names the cause").contains(errorCode);
            assertThat(output).as("names the fix").contains(fixHint);
            assertThat(emulator.admin().requestCount(operation)).as("no retry of a fault that cannot go away")
                    .isLessThanOrEqualTo(creators);
            System.out.printf("UNFIXABLE %s on %s: failed in %d ms%n", errorCode, operation, millis);

            CliRunner.Run next = stack.run("up", "--yes", "--skip-preview");
            assertThat(next.exitCode()).as("%s", next).isZero();
            stack.assertMatchesEndpoint(ivs, creators);
        }
    }

    /**
     * A failing program must not end the run while another step is still running: here the recording configuration
     * create is held up 4 s at the endpoint while every channel create is denied. The run waits for it and records
     * it, so the next run neither creates a second one nor loses its own state to the first run's late writes.
     */
    @Test
    void programFailsWhileACreateIsStillRunning_theRunWaitsForIt_andTheNextRunKeepsItsState() {
        int creators = 2;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("stack"), emulator.endpoint(), creators);
            emulator.admin().injectFault(
                    FaultRule.latency("CreateRecordingConfiguration", Duration.ofSeconds(4)).times(1),
                    FaultRule.error("CreateChannel", "AccessDeniedException"));
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isEqualTo(1);
            emulator.admin().clearFaults();

            CliRunner.Run next = stack.run("up", "--yes", "--skip-preview");
            assertThat(next.exitCode()).as("%s", next).isZero();
            assertThat(next.out()).doesNotContain("interrupted");
            stack.assertMatchesEndpoint(ivs, creators);
            assertThat(emulator.admin().requestCount("CreateRecordingConfiguration")).isEqualTo(1);
        }
    }

    @Test
    void recordingBucketInAnotherRegion_failsNamingTheBucketRegion_andTheNextRunAfterTheFixConverges() {
        int creators = 3;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("stack"), emulator.endpoint(), creators);
            emulator.admin().registerBucket("ivs-stack-reliability-vods", "eu-west-1");

            CliRunner.Run failed = stack.run("up", "--yes", "--skip-preview");
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            String output = failed.out() + failed.err();
            assertThat(output).contains("vod-recordings").contains("ivs-stack-reliability-vods").contains("region");

            // The fix: the bucket in the stack's region (here: the bucket moves; in AWS, another bucket).
            emulator.admin().registerBucket("ivs-stack-reliability-vods", FlagshipStack.REGION);
            CliRunner.Run next = stack.run("up", "--yes", "--skip-preview");
            assertThat(next.exitCode()).as("%s", next).isZero();
            stack.assertMatchesEndpoint(ivs, creators);
        }
    }
}
