package com.ivsstack.provider.resource;

import java.time.Duration;

/**
 * The time one create, update or delete may take: the user's custom timeout ({@code customTimeouts}) or the resource's
 * default, counted from the start of the operation. Every wait of the operation (for ACTIVE, for a stopped stream to
 * go offline, retries around a live channel, detach loops) draws on the same deadline, so the operation as a whole
 * ends in time.
 */
final class Deadline {

    /** The timeout of an operation when the user sets none: long enough for IVS's slowest waits. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LEAST_WAIT = Duration.ofMillis(1);

    private final String operation;
    private final Duration timeout;
    private final long startNanos;

    private Deadline(String operation, Duration timeout) {
        this.operation = operation;
        this.timeout = timeout;
        this.startNanos = System.nanoTime();
    }

    /**
     * Starts the deadline of {@code operation} ("create", "update" or "delete", the keys of customTimeouts).
     *
     * @param requested the user's timeout, or null (or zero) for {@code fallback}
     */
    static Deadline start(String operation, Duration requested, Duration fallback) {
        boolean given = requested != null && !requested.isZero() && !requested.isNegative();
        return new Deadline(operation, given ? requested : fallback);
    }

    static Deadline start(String operation, Duration requested) {
        return start(operation, requested, DEFAULT_TIMEOUT);
    }

    Duration timeout() {
        return timeout;
    }

    boolean expired() {
        return System.nanoTime() - startNanos >= timeout.toNanos();
    }

    /** What is left, at least a millisecond so that a waiter can still make its one last poll. */
    Duration remaining() {
        var left = timeout.minusNanos(System.nanoTime() - startNanos);
        return left.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : left;
    }

    /** "the delete timeout of 30 s" */
    String describe() {
        return "the " + operation + " timeout of " + show(timeout);
    }

    /** How the user gives the operation more time. */
    String howToRaise() {
        return "Give the resource more time with the customTimeouts resource option (for example customTimeouts: { "
                + operation + ": \"" + suggestion() + "\" }) and run again";
    }

    private String suggestion() {
        long minutes = Math.max(timeout.multipliedBy(2).toMinutes(), 1);
        return minutes + "m";
    }

    /** A duration as people write it: 200 ms, 30 s, 10 min. */
    static String show(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() < 120 || duration.toSecondsPart() != 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMinutes() + " min";
    }
}
