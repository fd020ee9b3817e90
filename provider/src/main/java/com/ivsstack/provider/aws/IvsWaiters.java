package com.ivsstack.provider.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ivs.model.GetRecordingConfigurationResponse;
import software.amazon.awssdk.services.ivs.model.GetStreamResponse;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.StreamState;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The waits of the IVS resources, on the SDK's waiters (IVS publishes none of its own): a stream going offline, a
 * recording configuration leaving CREATING. Polls back off from the poll interval up to 5 s; a cancelled provider
 * stops waiting at its next poll.
 */
public final class IvsWaiters {

    private final AwsClients clients;
    private final Duration pollInterval;
    private volatile boolean cancelled;

    IvsWaiters(AwsClients clients, Duration pollInterval) {
        this.clients = clients;
        this.pollInterval = pollInterval;
    }

    /** The user asked to stop: waiters give up at their next poll instead of waiting out their timeout. */
    void cancel() {
        cancelled = true;
    }

    /** Whether the channel has a live stream now. */
    public boolean isLive(String channelArn) {
        try {
            var stream = clients.ivs().getStream(b -> b.channelArn(channelArn)).stream();
            return stream != null && stream.state() != StreamState.OFFLINE;
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_BROADCASTING) || e.is(IvsApiException.Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    /** Stops the channel's stream (if it is live) and waits until it is offline. */
    public void stopStreamAndWait(String channelArn, Duration timeout) {
        try {
            clients.ivs().stopStream(b -> b.channelArn(channelArn));
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.NOT_BROADCASTING)) {
                throw e;
            }
            return;
        }
        Waiter<GetStreamResponse> waiter = Waiter.builder(GetStreamResponse.class)
                .acceptors(List.of(
                        WaiterAcceptor.errorOnResponseAcceptor(r -> cancelled, "cancelled"),
                        WaiterAcceptor.successOnExceptionAcceptor(IvsWaiters::isNotBroadcasting),
                        WaiterAcceptor.successOnResponseAcceptor(r -> r.stream() == null || r.stream().state() == StreamState.OFFLINE),
                        WaiterAcceptor.retryOnResponseAcceptor(r -> true)))
                .overrideConfiguration(waiting(timeout))
                .build();
        run(() -> waiter.run(() -> clients.ivs().getStream(b -> b.channelArn(channelArn))), timeout,
                "the stream did not stop");
    }

    private static boolean isNotBroadcasting(Throwable e) {
        return e instanceof IvsApiException failure && failure.is(IvsApiException.Kind.NOT_BROADCASTING);
    }

    /** Polls a recording configuration until it leaves CREATING; returns it ACTIVE or CREATE_FAILED. */
    public RecordingConfiguration waitForRecordingConfiguration(String arn, Duration timeout) {
        Waiter<GetRecordingConfigurationResponse> waiter = Waiter.builder(GetRecordingConfigurationResponse.class)
                .acceptors(List.of(
                        WaiterAcceptor.successOnResponseAcceptor(
                                r -> r.recordingConfiguration().state() != RecordingConfigurationState.CREATING),
                        WaiterAcceptor.errorOnResponseAcceptor(r -> cancelled, "cancelled"),
                        WaiterAcceptor.retryOnResponseAcceptor(r -> true)))
                .overrideConfiguration(waiting(timeout))
                .build();
        var response = run(() -> waiter.run(() -> clients.ivs().getRecordingConfiguration(b -> b.arn(arn))), timeout,
                "it is still CREATING");
        return response.recordingConfiguration();
    }

    private WaiterOverrideConfiguration waiting(Duration timeout) {
        return WaiterOverrideConfiguration.builder()
                .maxAttempts(Integer.MAX_VALUE)
                .waitTimeout(timeout)
                .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(pollInterval, Duration.ofSeconds(5)))
                .build();
    }

    /** The matched response; a waiter that gives up fails as TIMEOUT, a cancelled one as INTERRUPTED. */
    private <T> T run(Supplier<WaiterResponse<T>> waiter, Duration timeout, String stillWaiting) {
        long start = System.nanoTime();
        try {
            return waiter.get().matched().response().orElse(null);
        } catch (SdkException e) {
            if (cancelled) {
                throw new IvsApiException(IvsApiException.Kind.INTERRUPTED, "cancelled while waiting: " + stillWaiting, e);
            }
            // The waiter also gives up early, without a cause, when its next poll would end after the timeout.
            boolean waitedOut = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0
                    || (e instanceof SdkClientException && e.getCause() == null);
            if (waitedOut) {
                throw new IvsApiException(IvsApiException.Kind.TIMEOUT, "gave up after waiting "
                        + timeout.toMillis() + " ms: " + stillWaiting, e);
            }
            throw AwsErrors.map(e);
        }
    }
}
