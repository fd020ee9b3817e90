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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Coalesces concurrent single reads into batch reads (BatchGetChannel, BatchGetStreamKey). As soon as 50 reads wait, a
 * batch call starts; fewer wait a few milliseconds for others to join, and longer while another call of the kind is
 * under way (later reads gather into the next batch meanwhile). A started call takes its ARNs only once the quota lets
 * it leave, so reads that arrive while it waits for the quota still join it. A refresh of many channels then costs
 * one 5-TPS call per 50 channels instead of one per channel.
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

    private final int maxBatch;
    private final Duration window;
    private final Pacer pacer;
    private final Function<List<String>, BatchResult<V>> fetch;
    private final ScheduledExecutorService scheduler;
    /** Runs batch calls, each on its own thread while it waits for the quota, so no reader waits for another's call. */
    private final ExecutorService dispatcher;
    private final Map<String, CompletableFuture<Optional<V>>> pending = new LinkedHashMap<>();
    /** Batch calls started that have not taken their ARNs yet: together they will take this many times maxBatch. */
    private int waitingCalls;
    /** Batch calls that took their ARNs and have not answered yet. */
    private int runningCalls;
    private boolean flushScheduled;

    public BatchCoalescer(String name, int maxBatch, Duration window, Pacer pacer,
                          Function<List<String>, BatchResult<V>> fetch) {
        this.maxBatch = maxBatch;
        this.window = window;
        this.pacer = pacer;
        this.fetch = fetch;
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
            var future = pending.computeIfAbsent(arn, key -> new CompletableFuture<>());
            int uncovered = pending.size() - waitingCalls * maxBatch;
            if (uncovered >= maxBatch) {
                startCall();
            } else if (uncovered > 0 && !flushScheduled) {
                flushScheduled = true;
                scheduler.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
            }
            return future;
        }
    }

    private synchronized void flush() {
        flushScheduled = false;
        startPartialCall();
    }

    /** A call for fewer than maxBatch reads, unless another call is under way: its end starts this one. */
    private synchronized void startPartialCall() {
        if (pending.size() > waitingCalls * maxBatch && waitingCalls == 0 && runningCalls == 0) {
            startCall();
        }
    }

    private void startCall() {
        waitingCalls++;
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
                startPartialCall();
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
        scheduler.shutdownNow();
        dispatcher.shutdownNow();
    }
}
