package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.aws.IvsApiException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * IVS refuses to update or delete a live channel (409). With the provider's {@code stopLiveStreams}, the stream is
 * stopped, the provider waits until it is offline, and the operation runs again; otherwise the error names the
 * channel and the fix.
 */
final class LiveChannels {

    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final ResourceContext context;

    LiveChannels(ResourceContext context) {
        this.context = context;
    }

    /**
     * Runs {@code operation} on the channel; a conflict because the channel is live is resolved or explained.
     *
     * @param describe what was being done, for example "updating IVS Channel (arn)"
     */
    <T> T whileOffline(String channelArn, String urn, String describe, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.CONFLICT) || !context.api().isLive(channelArn)) {
                throw e;
            }
            if (!context.config().stopLiveStreams()) {
                throw new ProviderException(describe + ": channel " + channelArn + " is live, and IVS cannot change "
                        + "or delete a live channel. Stop the stream (in the broadcasting software, or with StopStream) "
                        + "and run again, or set the provider's stopLiveStreams: true to let the provider stop it", e);
            }
            context.log().warn(urn, "stopping the live stream on channel " + channelArn + " (stopLiveStreams is true) "
                    + "so that IVS accepts " + describe.replaceFirst(" \\(.*", ""));
            context.api().stopStreamAndWait(channelArn, STOP_TIMEOUT);
            return operation.get();
        }
    }
}
