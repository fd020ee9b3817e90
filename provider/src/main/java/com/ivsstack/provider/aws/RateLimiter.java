package com.ivsstack.provider.aws;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Paces calls so that the service never sees more than a quota's calls in any one-second window (see
 * {@link OperationQuotas} for the windows). A call holds a slot while it runs, and its slot is freed one second after
 * it COMPLETES: the service counts a request when it arrives, which is after the client sent it and before the
 * response returned, so counting from completion is safe whatever the network latency. Thread-safe; a burst up to
 * the quota is immediate.
 */
public final class RateLimiter {

    /** A little more than a second, so that clock granularity never puts quota+1 calls into the service's window. */
    private static final long WINDOW_NANOS = 1_020_000_000L;

    /** A slot held by one running call; releasing it a second time does nothing. */
    public interface Slot {
        void release();
    }

    private static final Slot NO_SLOT = () -> { };

    private final boolean enabled;
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

    /** Waits until a call under {@code quota} may start and holds its slot until {@link Slot#release()}. */
    public Slot acquire(OperationQuotas.Quota quota) {
        if (!enabled) {
            return NO_SLOT;
        }
        var window = windows.computeIfAbsent(quota.window(), k -> new Window(quota.callsPerSecond()));
        window.acquire();
        var released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                window.release();
            }
        };
    }

    /** Runs {@code call} once a call under {@code quota} may start, holding the slot until it completes. */
    public <T> T run(OperationQuotas.Quota quota, Supplier<T> call) {
        var slot = acquire(quota);
        try {
            return call.get();
        } finally {
            slot.release();
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
