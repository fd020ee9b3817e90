package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.DeleteGroup;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.aws.IvsApiException;
import software.amazon.awssdk.services.ivs.model.StreamSummary;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * IVS refuses to update or delete a live channel (409). With the provider's {@code stopLiveStreams}, the stream is
 * stopped, the provider waits until it is offline, and the operation runs again, as long as the operation's deadline
 * allows (a broadcaster that reconnects at once can keep the channel live); otherwise the error names the channel and
 * the fix.
 */
final class LiveChannels {

    private final ResourceContext context;

    LiveChannels(ResourceContext context) {
        this.context = context;
    }

    /**
     * Runs {@code operation} on the channel; a conflict because the channel is live is resolved or explained.
     *
     * @param describe what was being done, for example "updating IVS Channel (arn)"
     * @param deadline bounds the stops, the waits for offline and the retries
     */
    <T> T whileOffline(String channelArn, String urn, String describe, Deadline deadline, Supplier<T> operation) {
        while (true) {
            try {
                return operation.get();
            } catch (IvsApiException e) {
                if (!e.is(IvsApiException.Kind.CONFLICT) || !context.api().waiters().isLive(channelArn)) {
                    throw e;
                }
                if (!context.config().stopLiveStreams()) {
                    throw new ProviderException(liveRefusal(describe, channelArn), e);
                }
                if (deadline.expired()) {
                    throw new ProviderException(describe + ": channel " + channelArn + " was live again each time its "
                            + "stream was stopped (is the broadcasting software reconnecting?) until " + deadline.describe()
                            + " ran out. Stop the broadcast at its source, or " + lowerFirst(deadline.howToRaise()), e);
                }
                stopAndWait(channelArn, urn, describe, deadline);
            }
        }
    }

    /** Why {@code describe} cannot go ahead: the channel is live and the provider may not stop it. */
    static String liveRefusal(String describe, String channelArn) {
        return describe + ": channel " + channelArn + " is live, and IVS cannot change or delete a live channel. Stop "
                + "the stream (in the broadcasting software, or with StopStream) and run again, or set the provider's "
                + "stopLiveStreams: true to let the provider stop it";
    }

    /**
     * The delete preflight of a channel: deleting it fails while it is live, unless the provider may stop the
     * stream. The live channels are listed once for the whole group (ListStreams), not asked one by one.
     */
    List<String> deleteBlockers(String channelArn, String describe, DeleteGroup group) {
        if (context.config().stopLiveStreams() || !liveChannels(group).contains(channelArn)) {
            return List.of();
        }
        return List.of(liveRefusal(describe, channelArn));
    }

    /** The ARNs of the channels that are live now, listed once per delete group. */
    Set<String> liveChannels(DeleteGroup group) {
        return group.shared("ivs:liveChannels", () -> context.api().ivs().listStreamsPaginator(b -> { }).stream()
                .flatMap(page -> page.streams().stream()).map(StreamSummary::channelArn).collect(Collectors.toUnmodifiableSet()));
    }

    private void stopAndWait(String channelArn, String urn, String describe, Deadline deadline) {
        context.log().warn(urn, "stopping the live stream on channel " + channelArn + " (stopLiveStreams is true) "
                + "so that IVS accepts " + describe.replaceFirst(" \\(.*", ""));
        try {
            context.api().waiters().stopStreamAndWait(channelArn, deadline.remaining());
        } catch (IvsApiException e) {
            if (!e.is(IvsApiException.Kind.TIMEOUT)) {
                throw e;
            }
            throw new ProviderException(describe + ": the live stream on channel " + channelArn + " did not go offline "
                    + "after StopStream within " + deadline.describe() + ". " + deadline.howToRaise(), e);
        }
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
