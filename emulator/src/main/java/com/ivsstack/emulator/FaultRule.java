package com.ivsstack.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the endpoint injects into requests of one operation (or of every operation, {@link #ANY_OPERATION}),
 * before it looks at them: answer 429 ThrottlingException, answer 500 InternalServerException, wait before
 * answering normally, or drop the connection without an answer.
 *
 * <p>A rule fires for the next {@code count} matching requests ({@link #UNLIMITED} for all), each time with
 * probability {@code rate} (1.0 = always). Build one with the factories and refine it with the withers:
 * {@code FaultRule.throttle("GetChannel").times(2)}, {@code FaultRule.internalError("*").withRate(0.1)},
 * {@code FaultRule.latency("CreateChannel", Duration.ofMillis(200))}, {@code FaultRule.dropConnection("ListChannels")}.
 *
 * @param operation the operation name, e.g. {@code GetChannel} or {@code TagResource}, or {@code *}
 * @param kind what happens
 * @param count how many requests it affects; {@link #UNLIMITED} means every one
 * @param rate the probability, 0..1, that a matching request is affected
 * @param latency the added delay, for {@link Kind#LATENCY}
 * @param errorCode the error code answered, for {@link Kind#ERROR}, e.g. {@code AccessDeniedException}
 */
public record FaultRule(String operation, Kind kind, int count, double rate, Duration latency, String errorCode) {
    public static final String ANY_OPERATION = "*";
    public static final int UNLIMITED = -1;

    public enum Kind {
        /** 429 ThrottlingException (the SDK retries it). */
        THROTTLING,
        /** 500 InternalServerException (the SDK retries it). */
        INTERNAL_ERROR,
        /** Added delay, then the normal answer. */
        LATENCY,
        /** A delay drawn uniformly from 0 up to {@code latency}, then the normal answer. */
        RANDOM_LATENCY,
        /** The connection is closed without any answer. */
        DROP_CONNECTION,
        /** Any error of the services, by code (e.g. AccessDeniedException, PendingVerification, StreamUnavailable). */
        ERROR
    }

    public FaultRule {
        Objects.requireNonNull(operation, "operation: name an operation such as \"GetChannel\", or \"*\" for all");
        Objects.requireNonNull(kind, "kind");
        if (count == 0 || count < UNLIMITED) {
            throw new IllegalArgumentException("count must be positive, or FaultRule.UNLIMITED; was " + count);
        }
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate is a probability in (0, 1]; was " + rate);
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative; was " + latency);
        }
        if (kind == Kind.ERROR && (errorCode == null || errorCode.isBlank())) {
            throw new IllegalArgumentException("an ERROR fault needs an error code, e.g. AccessDeniedException");
        }
    }

    public static FaultRule throttle(String operation) {
        return new FaultRule(operation, Kind.THROTTLING, UNLIMITED, 1.0, Duration.ZERO, null);
    }

    public static FaultRule internalError(String operation) {
        return new FaultRule(operation, Kind.INTERNAL_ERROR, UNLIMITED, 1.0, Duration.ZERO, null);
    }

    public static FaultRule latency(String operation, Duration delay) {
        return new FaultRule(operation, Kind.LATENCY, UNLIMITED, 1.0, delay, null);
    }

    /** Delays each matching request by a random time between 0 and {@code maxDelay}. */
    public static FaultRule randomLatency(String operation, Duration maxDelay) {
        return new FaultRule(operation, Kind.RANDOM_LATENCY, UNLIMITED, 1.0, maxDelay, null);
    }

    public static FaultRule dropConnection(String operation) {
        return new FaultRule(operation, Kind.DROP_CONNECTION, UNLIMITED, 1.0, Duration.ZERO, null);
    }

    /** Answers the error with this code (and its HTTP status), e.g. {@code error("GetChannel", "AccessDeniedException")}. */
    public static FaultRule error(String operation, String errorCode) {
        return new FaultRule(operation, Kind.ERROR, UNLIMITED, 1.0, Duration.ZERO, errorCode);
    }

    /** The same rule, for the next {@code n} matching requests only. */
    public FaultRule times(int n) {
        return new FaultRule(operation, kind, n, rate, latency, errorCode);
    }

    /** The same rule, affecting each matching request with probability {@code probability}. */
    public FaultRule withRate(double probability) {
        return new FaultRule(operation, kind, count, probability, latency, errorCode);
    }

    public boolean matches(String operationName) {
        return ANY_OPERATION.equals(operation) || operation.equals(operationName);
    }
}
