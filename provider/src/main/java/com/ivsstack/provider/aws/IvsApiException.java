package com.ivsstack.provider.aws;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An AWS call failed; the SDK's exception mapped to what the resource code needs to decide (gone, conflict, not
 * live, ...). Only {@code aws} creates these from SDK exceptions; resource code turns them into user messages.
 */
public class IvsApiException extends RuntimeException {

    public enum Kind {
        NOT_FOUND, CONFLICT, NOT_BROADCASTING, VALIDATION, ACCESS_DENIED, QUOTA_EXCEEDED, PENDING_VERIFICATION,
        THROTTLED, SERVICE_ERROR, CONNECTION, TIMEOUT, INTERRUPTED, OTHER;

        /** The cause in words and what the user can do, for the error message's tail. */
        public String advice() {
            return switch (this) {
                case NOT_FOUND -> "Check that the ARN is right and in this provider's region";
                case CONFLICT -> "Resolve the conflict named above and run again";
                case NOT_BROADCASTING -> "The channel is not live; nothing to stop";
                case VALIDATION -> "Fix the input that IVS rejected and run again";
                case ACCESS_DENIED -> "Grant the credentials the IVS permission for this operation";
                case QUOTA_EXCEEDED -> "Delete unused resources or request a higher IVS service quota";
                case PENDING_VERIFICATION -> "Wait until AWS has verified the account, then run again";
                case THROTTLED -> "IVS kept throttling after every retry; run fewer operations at once or raise the provider's maxRetries";
                case SERVICE_ERROR -> "IVS kept failing after every retry; try again later";
                case CONNECTION -> "Check the network and the provider's endpoint setting";
                case TIMEOUT -> "Try again, or give the resource a longer customTimeouts setting";
                case INTERRUPTED -> "The operation was cancelled; run again";
                case OTHER -> "Run again; if it persists, report it with this message";
            };
        }
    }

    private final Kind kind;
    private final String awsMessage;

    public IvsApiException(Kind kind, String awsMessage, Throwable cause) {
        super(kind + ": " + awsMessage, cause);
        this.kind = kind;
        this.awsMessage = awsMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** What AWS (or the connection) said, without request ids. */
    public String awsMessage() {
        return awsMessage;
    }

    public boolean is(Kind expected) {
        return kind == expected;
    }

    /** What {@code read} returns, or empty when what it reads does not exist (NOT_FOUND); other failures pass through. */
    public static <T> Optional<T> emptyIfNotFound(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (IvsApiException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
