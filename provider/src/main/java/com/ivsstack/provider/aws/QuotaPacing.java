package com.ivsstack.provider.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Paces every call of the clients under its operation's quota ({@link OperationQuotas}), by the operation name the
 * SDK puts in the execution attributes. The slot is taken once per call, before the request is signed and sent, held
 * through the SDK's retries, and released when the call succeeds or fails for good. It is taken in the last hook
 * before the SDK's request pipeline (this interceptor comes last in the chain): earlier, a failure of another
 * interceptor or of marshalling would never reach the failure hook that releases it; later, inside the pipeline, each
 * retry would wait again and a long wait would outlive the request's signature.
 */
final class QuotaPacing implements ExecutionInterceptor {

    /**
     * Set on a request whose caller took the slot itself: the batch reads take theirs before they choose the ARNs of
     * the call, so that reads arriving while the call waits for the quota still join it.
     */
    static final ExecutionAttribute<Boolean> PACED_BY_CALLER = new ExecutionAttribute<>("ivsstack.PacedByCaller");
    private static final ExecutionAttribute<RateLimiter.Slot> SLOT = new ExecutionAttribute<>("ivsstack.PacingSlot");

    private final RateLimiter rateLimiter;

    QuotaPacing(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(PACED_BY_CALLER))) {
            var quota = OperationQuotas.of(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            attributes.putAttribute(SLOT, rateLimiter.acquire(quota));
        }
        return context.httpRequest();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        var slot = attributes.getAttribute(SLOT);
        if (slot != null) {
            slot.release();
        }
    }
}
