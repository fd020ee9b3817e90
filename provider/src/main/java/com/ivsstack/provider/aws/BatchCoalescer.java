package com.ivsstack.provider.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Coalesces concurrent single reads into batch reads (BatchGetChannel, BatchGetStreamKey): a read waits a few
 * milliseconds for others to join, and a batch leaves as soon as it is full. A refresh of many channels then costs
 * one 5-TPS call per 50 channels instead of one per channel.
 *
 * @param <V> what one ARN reads as
 */
public final class BatchCoalescer<V> implements AutoCloseable {

    /** The outcome of one batch call: the items found by ARN, and failures other than "not found" by ARN. */
    public record BatchResult<V>(Map<String, V> found, Map<String, RuntimeException> failures) {
    }

    private final int maxBatch;
    private final Duration window;
    private final Function<List<String>, BatchResult<V>> fetch;
    private final ScheduledExecutorService scheduler;
    private final Map<String, CompletableFuture<Optional<V>>> pending = new LinkedHashMap<>();
    private boolean flushScheduled;

    public BatchCoalescer(String name, int maxBatch, Duration window, Function<List<String>, BatchResult<V>> fetch) {
        this.maxBatch = maxBatch;
        this.window = window;
        this.fetch = fetch;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "ivs-" + name + "-batch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads one ARN, together with whatever other reads arrive meanwhile; empty when it does not exist. */
    public Optional<V> get(String arn) {
        CompletableFuture<Optional<V>> future;
        List<Map.Entry<String, CompletableFuture<Optional<V>>>> fullBatch = null;
        synchronized (this) {
            future = pending.computeIfAbsent(arn, key -> new CompletableFuture<>());
            if (pending.size() >= maxBatch) {
                fullBatch = drain();
            } else if (!flushScheduled) {
                flushScheduled = true;
                scheduler.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (fullBatch != null) {
            run(fullBatch);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void flush() {
        List<Map.Entry<String, CompletableFuture<Optional<V>>>> batch;
        synchronized (this) {
            flushScheduled = false;
            batch = drain();
        }
        run(batch);
    }

    private List<Map.Entry<String, CompletableFuture<Optional<V>>>> drain() {
        var batch = new ArrayList<>(pending.entrySet());
        pending.clear();
        return batch;
    }

    private void run(List<Map.Entry<String, CompletableFuture<Optional<V>>>> batch) {
        for (int start = 0; start < batch.size(); start += maxBatch) {
            var slice = batch.subList(start, Math.min(batch.size(), start + maxBatch));
            try {
                var result = fetch.apply(slice.stream().map(Map.Entry::getKey).toList());
                for (var entry : slice) {
                    var failure = result.failures().get(entry.getKey());
                    if (failure != null) {
                        entry.getValue().completeExceptionally(failure);
                    } else {
                        entry.getValue().complete(Optional.ofNullable(result.found().get(entry.getKey())));
                    }
                }
            } catch (RuntimeException e) {
                slice.forEach(entry -> entry.getValue().completeExceptionally(e));
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
