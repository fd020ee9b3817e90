package com.ivsstack.provider.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the coalescer sends a batch call, decided on a clock the test moves by hand and with calls that run only when
 * the test lets them (as if they waited for the quota until then): no timing, no thread scheduling in the outcome.
 */
class BatchCoalescerTest {

    private static final Duration QUIET = Duration.ofMillis(5);
    private static final Duration BURST_QUIET = Duration.ofMillis(20);
    private static final Duration CAP = Duration.ofMillis(40);
    private static final BatchCoalescer.Debounce DEBOUNCE = new BatchCoalescer.Debounce(QUIET, BURST_QUIET, CAP);

    private final ManualTimer timer = new ManualTimer();
    private final QueuedDispatcher dispatcher = new QueuedDispatcher();
    private final List<List<String>> calls = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final BatchCoalescer<String> coalescer = new BatchCoalescer<>(50, DEBOUNCE,
            new Immediately(), this::fetch, timer, dispatcher, () -> { });

    private BatchCoalescer.BatchResult<String> fetch(List<String> arns) {
        calls.add(List.copyOf(arns));
        var found = new HashMap<String, String>();
        arns.stream().filter(arn -> !arn.startsWith("gone")).forEach(arn -> found.put(arn, "read " + arn));
        var failed = new HashMap<String, RuntimeException>();
        arns.stream().filter(failures::containsKey).forEach(arn -> failed.put(arn, failures.get(arn)));
        return new BatchCoalescer.BatchResult<>(found, failed);
    }

    @AfterEach
    void tearDown() {
        coalescer.close();
    }

    @Test
    void request_loneRead_leavesAloneOnceTheQuietPeriodHasPassed() {
        var read = coalescer.request("a");

        timer.advance(QUIET.minusNanos(1));
        assertThat(dispatcher.started()).isZero();
        timer.advance(Duration.ofNanos(1));
        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a"));
        assertThat(read).isCompletedWithValue(Optional.of("read a"));
    }

    @Test
    void request_twoReadsTogether_waitTheBurstQuietPeriodNotTheLoneOne() {
        coalescer.request("a");
        coalescer.request("b");

        timer.advance(QUIET);
        assertThat(dispatcher.started()).isZero();
        timer.advance(BURST_QUIET.minus(QUIET));
        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a", "b"));
    }

    @Test
    void request_readsKeepArrivingWithinTheBurstQuietPeriod_partialBatchWaitsUntilTheyPause() {
        coalescer.request("a");
        timer.advance(Duration.ofMillis(4));
        coalescer.request("b");
        timer.advance(Duration.ofMillis(15));
        coalescer.request("c");
        timer.advance(BURST_QUIET.minusNanos(1)); // 39 ms after the first read, not yet quiet for long enough
        assertThat(dispatcher.started()).isZero();

        timer.advance(Duration.ofNanos(1));
        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void request_readsTrickleOnPastTheCap_partialBatchLeavesAtTheCap() {
        for (int i = 0; i < 10; i++) {
            coalescer.request("r" + i);
            timer.advance(Duration.ofMillis(4)); // never quiet for long
        }
        dispatcher.runAll();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(10).startsWith("r0").endsWith("r9"); // left at 40 ms, the cap

        coalescer.request("r10"); // closely after a call: part of the burst
        timer.advance(QUIET);
        assertThat(dispatcher.started()).isZero();
        timer.advance(BURST_QUIET.minus(QUIET));
        dispatcher.runAll();
        assertThat(calls).hasSize(2).last().isEqualTo(List.of("r10"));
    }

    @Test
    void request_fiftyReads_leaveAtOnceAsAFullBatchAndTheNextReadWaits() {
        var reads = IntStream.range(0, 51).mapToObj(i -> coalescer.request("r" + i)).toList();

        dispatcher.runAll();

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(50).startsWith("r0").endsWith("r49");
        assertThat(reads.get(49)).isCompletedWithValue(Optional.of("read r49"));
        assertThat(reads.get(50)).isNotDone();
        timer.advance(BURST_QUIET);
        dispatcher.runAll();
        assertThat(calls).hasSize(2).last().isEqualTo(List.of("r50"));
    }

    @Test
    void request_loneReadLongAfterTheLastCall_leavesAfterTheShortQuietPeriodAgain() {
        coalescer.request("a");
        timer.advance(QUIET);
        dispatcher.runAll();
        timer.advance(CAP);

        coalescer.request("b");
        timer.advance(QUIET);
        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void request_whileACallIsUnderWay_partialBatchWaitsForItsEndThenLeaves() {
        IntStream.range(0, 50).forEach(i -> coalescer.request("r" + i));
        coalescer.request("late1");
        coalescer.request("late2");

        timer.advance(Duration.ofSeconds(1)); // long past the cap, but the full call has not left yet
        assertThat(dispatcher.started()).isEqualTo(1);
        dispatcher.runNext(); // the full call; its end starts the partial one, whose reads are long due
        dispatcher.runAll();

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).hasSize(50);
        assertThat(calls.get(1)).containsExactly("late1", "late2");
    }

    @Test
    void request_readsArrivingWhileACallWaitsForTheQuota_joinThatCall() {
        coalescer.request("a");
        timer.advance(QUIET);
        assertThat(dispatcher.started()).isEqualTo(1); // started, still waiting for the quota
        coalescer.request("b");
        coalescer.request("c");
        timer.advance(Duration.ofSeconds(1));

        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void request_sameArnTwice_readsItOnceForBoth() {
        var first = coalescer.request("a");
        var second = coalescer.request("a");
        timer.advance(QUIET);
        dispatcher.runAll();

        assertThat(calls).containsExactly(List.of("a"));
        assertThat(second).isSameAs(first).isCompletedWithValue(Optional.of("read a"));
    }

    @Test
    void request_oneArnFailsAndOneIsGone_onlyThatReadFailsAndTheGoneOneIsEmpty() {
        failures.put("broken", new IvsApiException(IvsApiException.Kind.OTHER, "access denied", null));
        var broken = coalescer.request("broken");
        var gone = coalescer.request("gone1");
        var fine = coalescer.request("fine");
        timer.advance(CAP);
        dispatcher.runAll();

        assertThat(calls).hasSize(1);
        assertThatThrownBy(broken::join).hasCauseInstanceOf(IvsApiException.class).hasMessageContaining("access denied");
        assertThat(gone).isCompletedWithValue(Optional.empty());
        assertThat(fine).isCompletedWithValue(Optional.of("read fine"));
    }

    @Test
    void request_batchCallFails_everyReadOfItFailsWithThatError() {
        var failing = new BatchCoalescer<String>(50, DEBOUNCE, new Immediately(),
                arns -> {
                    throw new IvsApiException(IvsApiException.Kind.OTHER, "service unavailable", null);
                }, timer, dispatcher, () -> { });
        var a = failing.request("a");
        var b = failing.request("b");
        timer.advance(CAP);
        dispatcher.runAll();

        assertThatThrownBy(a::join).hasMessageContaining("service unavailable");
        assertThatThrownBy(b::join).hasMessageContaining("service unavailable");
    }

    @Test
    void debounce_burstQuietLongerThanCap_isRejectedNamingEachDuration() {
        assertThatThrownBy(() -> new BatchCoalescer.Debounce(Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiet PT0.005S").hasMessageContaining("burstQuiet PT0.05S")
                .hasMessageContaining("cap PT0.02S");
    }

    /** A pacer whose quota is always free: when a call leaves is up to the test's dispatcher. */
    private static final class Immediately implements BatchCoalescer.Pacer {
        @Override
        public <T> T paced(Supplier<T> call) {
            return call.get();
        }
    }

    /** Runs the coalescer's timed checks when the test moves the clock past them. */
    private static final class ManualTimer implements BatchCoalescer.Timer {
        private record Scheduled(long dueNanos, long order, Runnable task) {
        }

        private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>(
                Comparator.comparingLong(Scheduled::dueNanos).thenComparingLong(Scheduled::order));
        private long now;
        private long order;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            scheduled.add(new Scheduled(now + delayNanos, order++, task));
        }

        void advance(Duration duration) {
            long target = now + duration.toNanos();
            while (!scheduled.isEmpty() && scheduled.peek().dueNanos() <= target) {
                var next = scheduled.poll();
                now = next.dueNanos();
                next.task().run();
            }
            now = target;
        }
    }

    /** Holds started batch calls until the test runs them: a held call is one still waiting for its quota. */
    private static final class QueuedDispatcher implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable call) {
            queued.add(call);
        }

        int started() {
            return queued.size();
        }

        void runNext() {
            queued.remove().run();
        }

        void runAll() {
            while (!queued.isEmpty()) {
                runNext();
            }
        }
    }
}
