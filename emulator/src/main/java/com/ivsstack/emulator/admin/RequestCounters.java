package com.ivsstack.emulator.admin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests of each operation arrived (faulted, throttled and failed ones included), and how many of them were
 * refused by the rate quotas (what a client's throttling retries cost).
 */
public final class RequestCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();

    public void increment(String operation) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public void incrementThrottled(String operation) {
        throttled.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public long count(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    /** Every operation called at least once, by name. */
    public Map<String, Long> snapshot() {
        return snapshot(counts);
    }

    /** Every operation throttled at least once, by name: how many of its requests got 429 ThrottlingException. */
    public Map<String, Long> throttledSnapshot() {
        return snapshot(throttled);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((name, adder) -> {
            long n = adder.sum();
            if (n > 0) {
                result.put(name, n);
            }
        });
        return result;
    }

    public void reset() {
        counts.clear();
        throttled.clear();
    }
}
