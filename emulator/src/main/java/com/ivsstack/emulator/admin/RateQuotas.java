package com.ivsstack.emulator.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The documented per-operation API rate quotas (TPS per account and region), enforced over a sliding one-second
 * window when switched on.
 */
public final class RateQuotas {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<String, Deque<Long>> recent = new HashMap<>();
    private volatile boolean enabled;

    public RateQuotas(boolean enabled) {
        this.enabled = enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        synchronized (this) {
            recent.clear();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether one more call of {@code operation} now stays within {@code perSecond}; if so, counts it. */
    public boolean tryAcquire(String operation, int perSecond) {
        if (!enabled || perSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        synchronized (this) {
            Deque<Long> calls = recent.computeIfAbsent(operation, k -> new ArrayDeque<>());
            while (!calls.isEmpty() && now - calls.peekFirst() >= WINDOW_NANOS) {
                calls.pollFirst();
            }
            if (calls.size() >= perSecond) {
                return false;
            }
            calls.addLast(now);
            return true;
        }
    }
}
