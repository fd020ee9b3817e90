package com.ivsstack.engine.provider;

import java.util.List;
import java.util.Map;

/**
 * A provider call failed. When the provider reported a partial failure (ErrorResourceInitFailed), the resource
 * exists: {@link #partialId()} and {@link #partialOutputs()} say what to record.
 */
public final class ProviderOperationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient String partialId;
    private final transient Map<String, Object> partialOutputs;
    private final transient List<String> reasons;

    public ProviderOperationException(String message, String partialId, Map<String, Object> partialOutputs,
                                      List<String> reasons, Throwable cause) {
        super(message, cause);
        this.partialId = partialId;
        this.partialOutputs = partialOutputs;
        this.reasons = reasons == null ? List.of() : reasons;
    }

    /**
     * Whether the provider may have done the operation although the call failed: the plugin went away, or the call
     * was cancelled or timed out before its answer came. A create with this outcome stays pending, so the next run
     * looks the resource up instead of creating it again.
     */
    public boolean outcomeUnknown() {
        if (getCause() instanceof io.grpc.StatusRuntimeException e) {
            return switch (e.getStatus().getCode()) {
                case UNAVAILABLE, CANCELLED, DEADLINE_EXCEEDED, ABORTED, INTERNAL -> true;
                default -> false;
            };
        }
        return false;
    }

    public boolean isPartial() {
        return partialId != null && !partialId.isEmpty();
    }

    public String partialId() {
        return partialId;
    }

    public Map<String, Object> partialOutputs() {
        return partialOutputs;
    }

    public List<String> reasons() {
        return reasons;
    }
}
