package com.ivsstack.provider.aws;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Paces calls per {@link OperationFamily}: at most its quota of calls start in any one-second window (a sliding
 * window, so a burst up to the quota is immediate). Thread-safe; waiting callers queue fairly per family.
 */
public final class RateLimiter {

    /** A little more than a second, so that clock granularity never puts quota+1 calls into the service's window. */
    private static final long WINDOW_NANOS = 1_050_000_000L;

    private final boolean enabled;
    private final Map<OperationFamily, Window> windows = new EnumMap<>(OperationFamily.class);

    private RateLimiter(boolean enabled) {
        this.enabled = enabled;
        for (var family : OperationFamily.values()) {
            windows.put(family, new Window(family.transactionsPerSecond()));
        }
    }

    public static RateLimiter underIvsQuotas() {
        return new RateLimiter(true);
    }

    /** No pacing at all: for tests of behaviour other than pacing, and local endpoints without quotas. */
    public static RateLimiter unlimited() {
        return new RateLimiter(false);
    }

    /** Blocks until a call of {@code family} may start, and counts it. */
    public void acquire(OperationFamily family) {
        if (enabled) {
            windows.get(family).acquire();
        }
    }

    private static final class Window {
        private final int limit;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();

        Window(int limit) {
            this.limit = limit;
        }

        synchronized void acquire() {
            while (true) {
                long now = System.nanoTime();
                while (!starts.isEmpty() && now - starts.peekFirst() >= WINDOW_NANOS) {
                    starts.removeFirst();
                }
                if (starts.size() < limit) {
                    starts.addLast(now);
                    return;
                }
                long waitNanos = WINDOW_NANOS - (now - starts.peekFirst());
                try {
                    wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IvsApiException(IvsApiException.Kind.INTERRUPTED, "interrupted while pacing calls", null);
                }
            }
        }
    }
}
