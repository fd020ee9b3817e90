package com.ivsstack.provider.aws;

import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.StreamKey;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Single reads of channels and stream keys by ARN, the reads a refresh makes by the hundred. The provider coalesces
 * them into batch calls ({@link CoalescedReads}); a host may give the provider other reads (the benchmark's baseline
 * reads one at a time).
 */
public interface ChannelReads extends AutoCloseable {

    /** A channel by ARN; empty when it does not exist. */
    Optional<Channel> channel(String arn);

    /**
     * Starts reading a stream key (with its value) without waiting for it, so that a caller can read its channel
     * meanwhile; empty when it does not exist.
     */
    CompletableFuture<Optional<StreamKey>> streamKeyAsync(String arn);

    /** A stream key (with its value) by ARN; empty when it does not exist. */
    Optional<StreamKey> streamKey(String arn);

    @Override
    default void close() {
    }
}
