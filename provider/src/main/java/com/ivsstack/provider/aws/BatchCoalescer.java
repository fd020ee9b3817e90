package com.ivsstack.provider.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Coalesces concurrent single reads into batch reads (BatchGetChannel, BatchGetStreamKey). As soon as 50 reads wait, a
 * batch call starts. Fewer wait while reads keep arriving (a debounce): they leave once no new read has arrived for a
 * quiet period, or once the first of them has waited the cap, whichever comes first, and not while another call of
 * the kind is under way (later reads gather into the next batch meanwhile). The quiet period is short for a lone read
 * and longer in a burst (two reads waiting together, or reads following a call closely): a lone read leaves after a
 * few milliseconds, while a refresh's reads, which reach the plugin unevenly, fill whole batches instead of sending
 * small ones at each pause. A started call takes its ARNs only once the quota lets it leave, so reads that arrive
 * while it waits for the quota still join it. A refresh of many channels then costs one 5-TPS call per 50 channels.
 *
 * @param <V> what one ARN reads as
 */
public final class BatchCoalescer<V> implements AutoCloseable {

    /** The outcome of one batch call: the items found by ARN, and failures other than "not found" by ARN. */
    public record BatchResult<V>(Map<String, V> found, Map<String, RuntimeException> failures) {
    }

    /** Runs a call once the quota allows it (the rate limiter), holding the quota's slot while it runs. */
    public interface Pacer {
        <T> T paced(Supplier<T> call);
    }

    /**
     * When a partial batch leaves: once no new read has arrived for {@code quiet} (a lone read) or {@code burstQuiet}
     * (a burst), or once its first read has waited {@code cap}, whichever comes first.
     */
    public record Debounce(Duration quiet, Duration burstQuiet, Duration cap) {
        public Debounce {
            if (quiet.isNegative() || burstQuiet.compareTo(quiet) < 0 || cap.compareTo(burstQuiet) < 0) {
                throw new IllegalArgumentException("a debounce needs 0 <= quiet <= burstQuiet <= cap, got quiet " + quiet
                        + ", burstQuiet " + burstQuiet + ", cap " + cap);
            }
        }
    }

    /** The coalescer's time: the system clock in production; a clock the test moves by hand in tests. */
    interface Timer {
        long nanoTime();

        void schedule(Runnable task, long delayNanos);
    }

    private final int maxBatch;
    private final long quietNanos;
    private final long burstQuietNanos;
    private final long capNanos;
    private final Pacer pacer;
    private final Function<List<String>, BatchResult<V>> fetch;
    private final Timer timer;
    /** Runs batch calls, each on its own thread while it waits for the quota, so no reader waits for another's call. */
    private final Executor dispatcher;
    private final AutoCloseable threads;
    private final Map<String, CompletableFuture<Optional<V>>> pending = new LinkedHashMap<>();
    /** Batch calls started that have not taken their ARNs yet: together they will take this many times maxBatch. */
    private int waitingCalls;
    /** Batch calls that took their ARNs and have not answered yet. */
    private int runningCalls;
    /** When the oldest read that no started call will take arrived, and when the newest read arrived. */
    private long firstUncoveredNanos;
    private long lastArrivalNanos;
    /** When the last call started; long ago at first. */
    private long lastCallNanos;
    private boolean checkScheduled;

    public BatchCoalescer(String name, int maxBatch, Debounce debounce, Pacer pacer,
                          Function<List<String>, BatchResult<V>> fetch) {
        this(maxBatch, debounce, pacer, fetch, new Threads(name));
    }

    private BatchCoalescer(int maxBatch, Debounce debounce, Pacer pacer, Function<List<String>, BatchResult<V>> fetch,
                           Threads threads) {
        this(maxBatch, debounce, pacer, fetch, threads, threads.dispatcher, threads);
    }

    /** With the given time and dispatcher, so that a test decides when time passes and when calls run. */
    BatchCoalescer(int maxBatch, Debounce debounce, Pacer pacer, Function<List<String>, BatchResult<V>> fetch,
                   Timer timer, Executor dispatcher, AutoCloseable threads) {
        this.maxBatch = maxBatch;
        this.quietNanos = debounce.quiet().toNanos();
        this.burstQuietNanos = debounce.burstQuiet().toNanos();
        this.capNanos = debounce.cap().toNanos();
        this.pacer = pacer;
        this.fetch = fetch;
        this.timer = timer;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.lastCallNanos = timer.nanoTime() - capNanos;
    }

    /** Reads one ARN, together with whatever other reads arrive meanwhile; empty when it does not exist. */
    public Optional<V> get(String arn) {
        try {
            return request(arn).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * Starts reading one ARN without waiting: a caller that needs two reads (a channel and its stream key) asks for
     * both at once, so each joins the batch of its kind that concurrent reads of the same ARNs are filling.
     */
    public CompletableFuture<Optional<V>> request(String arn) {
        synchronized (this) {
            long now = timer.nanoTime();
            if (uncovered() <= 0) {
                firstUncoveredNanos = now;
            }
            lastArrivalNanos = now;
            var future = pending.computeIfAbsent(arn, key -> new CompletableFuture<>());
            if (uncovered() >= maxBatch) {
                startCall();
            } else if (uncovered() > 0) {
                scheduleCheck(dueNanos() - now);
            }
            return future;
        }
    }

    /** Reads that no started call will take. */
    private int uncovered() {
        return pending.size() - waitingCalls * maxBatch;
    }

    /**
     * When the uncovered reads may leave as a partial batch: the quiet period after the last read (the burst's when
     * two or more wait, or the first came closely after a call), or the cap.
     */
    private long dueNanos() {
        boolean burst = uncovered() > 1 || firstUncoveredNanos - lastCallNanos < capNanos;
        return Math.min(lastArrivalNanos + (burst ? burstQuietNanos : quietNanos), firstUncoveredNanos + capNanos);
    }

    private void scheduleCheck(long delayNanos) {
        if (!checkScheduled) {
            checkScheduled = true;
            timer.schedule(this::check, Math.max(0, delayNanos));
        }
    }

    private synchronized void check() {
        checkScheduled = false;
        startPartialCallWhenDue();
    }

    /**
     * A call for fewer than maxBatch reads once they are due, unless another call is under way: its end comes back
     * here. Not yet due, it looks again when they will be (later reads have moved that time on).
     */
    private synchronized void startPartialCallWhenDue() {
        if (uncovered() <= 0 || waitingCalls > 0 || runningCalls > 0) {
            return;
        }
        long wait = dueNanos() - timer.nanoTime();
        if (wait <= 0) {
            startCall();
        } else {
            scheduleCheck(wait);
        }
    }

    private void startCall() {
        waitingCalls++;
        lastCallNanos = timer.nanoTime();
        dispatcher.execute(() -> {
            var taken = new ArrayList<Map.Entry<String, CompletableFuture<Optional<V>>>>();
            boolean[] took = {false};
            try {
                pacer.paced(() -> {
                    taken.addAll(take());
                    took[0] = true;
                    call(taken);
                    return null;
                });
            } catch (RuntimeException e) {
                taken.forEach(entry -> entry.getValue().completeExceptionally(e)); // e.g. interrupted while pacing
            } finally {
                synchronized (this) {
                    if (took[0]) {
                        runningCalls--;
                    } else {
                        waitingCalls--;
                    }
                }
                startPartialCallWhenDue();
            }
        });
    }

    /** Up to maxBatch of the oldest waiting reads, taken when the call may leave. */
    private synchronized List<Map.Entry<String, CompletableFuture<Optional<V>>>> take() {
        waitingCalls--;
        runningCalls++;
        var batch = new ArrayList<Map.Entry<String, CompletableFuture<Optional<V>>>>();
        Iterator<Map.Entry<String, CompletableFuture<Optional<V>>>> oldest = pending.entrySet().iterator();
        while (oldest.hasNext() && batch.size() < maxBatch) {
            var entry = oldest.next();
            batch.add(Map.entry(entry.getKey(), entry.getValue()));
            oldest.remove();
        }
        return batch;
    }

    private void call(List<Map.Entry<String, CompletableFuture<Optional<V>>>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            var result = fetch.apply(batch.stream().map(Map.Entry::getKey).toList());
            for (var entry : batch) {
                var failure = result.failures().get(entry.getKey());
                if (failure != null) {
                    entry.getValue().completeExceptionally(failure);
                } else {
                    entry.getValue().complete(Optional.ofNullable(result.found().get(entry.getKey())));
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(entry -> entry.getValue().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        try {
            threads.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the batch threads: " + e.getMessage(), e);
        }
    }

    /** The system clock, a scheduler thread for the debounce, and a thread per batch call. */
    private static final class Threads implements Timer, AutoCloseable {
        private final ScheduledExecutorService scheduler;
        private final ExecutorService dispatcher;

        Threads(String name) {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("ivs-" + name + "-batch-window"));
            this.dispatcher = Executors.newCachedThreadPool(daemon("ivs-" + name + "-batch"));
        }

        private static ThreadFactory daemon(String name) {
            return runnable -> {
                var thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            };
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
            dispatcher.shutdownNow();
        }
    }
}
