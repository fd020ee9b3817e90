package com.ivsstack.provider.aws;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Paces calls per {@link OperationFamily} so that the service never sees more than the family's quota of calls in
 * any one-second window. IVS meters each operation on its own, so an operation that runs in bulk beside the rest of
 * its family (BatchGetStreamKey while stream keys are adopted with ListStreamKeys, each tag operation) may be given its
 * own window with {@link #run(OperationFamily, String, Supplier)}: it then no longer waits for the family's other calls. A call holds a slot while it runs, and its slot is freed one second after it COMPLETES: the
 * service counts a request when it arrives, which is after the client sent it and before the response returned, so
 * counting from completion is safe whatever the network latency. Thread-safe; a burst up to the quota is immediate.
 */
public final class RateLimiter {

    /** A little more than a second, so that clock granularity never puts quota+1 calls into the service's window. */
    private static final long WINDOW_NANOS = 1_020_000_000L;

    private final boolean enabled;
    /** By family name, or "family/operation" for an operation paced on its own. */
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private RateLimiter(boolean enabled) {
        this.enabled = enabled;
    }

    public static RateLimiter underIvsQuotas() {
        return new RateLimiter(true);
    }

    /** No pacing at all: for tests of behaviour other than pacing, and local endpoints without quotas. */
    public static RateLimiter unlimited() {
        return new RateLimiter(false);
    }

    /** Runs {@code call} once a call of {@code family} may start, holding the family's slot until it completes. */
    public <T> T run(OperationFamily family, Supplier<T> call) {
        return run(family.name(), family, call);
    }

    /** Runs one call of {@code operation} (its own quota, the size of its family's) in a window of its own. */
    public <T> T run(OperationFamily family, String operation, Supplier<T> call) {
        return run(family.name() + "/" + operation, family, call);
    }

    private <T> T run(String key, OperationFamily family, Supplier<T> call) {
        if (!enabled) {
            return call.get();
        }
        var window = windows.computeIfAbsent(key, k -> new Window(family.transactionsPerSecond()));
        window.acquire();
        try {
            return call.get();
        } finally {
            window.release();
        }
    }

    private static final class Window {
        private final int limit;
        private final ArrayDeque<Long> completions = new ArrayDeque<>();
        private int inFlight;

        Window(int limit) {
            this.limit = limit;
        }

        synchronized void acquire() {
            while (true) {
                long now = System.nanoTime();
                while (!completions.isEmpty() && now - completions.peekFirst() >= WINDOW_NANOS) {
                    completions.removeFirst();
                }
                if (inFlight + completions.size() < limit) {
                    inFlight++;
                    return;
                }
                try {
                    if (completions.isEmpty()) {
                        wait(); // every slot is held by a running call; release() wakes us
                    } else {
                        long waitNanos = WINDOW_NANOS - (now - completions.peekFirst());
                        wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IvsApiException(IvsApiException.Kind.INTERRUPTED, "interrupted while pacing calls", null);
                }
            }
        }

        synchronized void release() {
            inFlight--;
            completions.addLast(System.nanoTime());
            notifyAll();
        }
    }
}
