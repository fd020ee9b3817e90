package com.ivsstack.provider.aws;

import software.amazon.awssdk.services.ivs.model.BatchError;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.StreamKey;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Channel and stream key reads coalesced into BatchGetChannel and BatchGetStreamKey calls of up to 50 ARNs, together
 * with whatever reads arrive meanwhile ({@link BatchCoalescer}). A refresh of 500 channels and their keys costs about
 * 20 calls this way instead of 1,000 Gets.
 */
public final class CoalescedReads implements ChannelReads {

    /** BatchGetChannel and BatchGetStreamKey take at most 50 ARNs. */
    public static final int MAX_BATCH = 50;
    /**
     * A lone read leaves 5 ms after it arrived; the reads of a refresh fill whole batches while they keep coming
     * (they reach the plugin with pauses of up to a few hundred milliseconds, measured); no read waits more than
     * 500 ms for others.
     */
    private static final BatchCoalescer.Debounce READ_DEBOUNCE = new BatchCoalescer.Debounce(
            Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofMillis(500));

    private final AwsClients clients;
    private final BatchCoalescer<Channel> channels;
    private final BatchCoalescer<StreamKey> streamKeys;

    public CoalescedReads(AwsClients clients) {
        this.clients = clients;
        this.channels = new BatchCoalescer<>("channel", MAX_BATCH, READ_DEBOUNCE, pacedAs("BatchGetChannel"),
                this::batchGetChannels);
        this.streamKeys = new BatchCoalescer<>("stream-key", MAX_BATCH, READ_DEBOUNCE, pacedAs("BatchGetStreamKey"),
                this::batchGetStreamKeys);
    }

    @Override
    public Optional<Channel> channel(String arn) {
        return channels.get(arn);
    }

    @Override
    public CompletableFuture<Optional<StreamKey>> streamKeyAsync(String arn) {
        return streamKeys.request(arn);
    }

    @Override
    public Optional<StreamKey> streamKey(String arn) {
        return streamKeys.get(arn);
    }

    /** The coalescers pace their batch calls themselves, so that reads arriving while a call waits still join it. */
    private BatchCoalescer.Pacer pacedAs(String operation) {
        var quota = OperationQuotas.of(operation);
        return new BatchCoalescer.Pacer() {
            @Override
            public <T> T paced(Supplier<T> call) {
                return clients.pacing().run(quota, call);
            }
        };
    }

    private BatchCoalescer.BatchResult<Channel> batchGetChannels(List<String> arns) {
        var response = clients.ivs().batchGetChannel(b -> b.arns(arns)
                .overrideConfiguration(o -> o.putExecutionAttribute(QuotaPacing.PACED_BY_CALLER, true)));
        return batchResult(response.channels(), Channel::arn, response.errors());
    }

    private BatchCoalescer.BatchResult<StreamKey> batchGetStreamKeys(List<String> arns) {
        var response = clients.ivs().batchGetStreamKey(b -> b.arns(arns)
                .overrideConfiguration(o -> o.putExecutionAttribute(QuotaPacing.PACED_BY_CALLER, true)));
        return batchResult(response.streamKeys(), StreamKey::arn, response.errors());
    }

    /** A batch answer by ARN: what was found, and a failure per ARN that failed other than by not existing. */
    private static <T> BatchCoalescer.BatchResult<T> batchResult(List<T> items, Function<T, String> arn,
                                                                 List<BatchError> errors) {
        var found = new HashMap<String, T>();
        items.forEach(item -> found.put(arn.apply(item), item));
        var failures = new HashMap<String, RuntimeException>();
        errors.forEach(error -> {
            if (!isNotFound(error.code())) {
                failures.put(error.arn(), new IvsApiException(IvsApiException.Kind.OTHER,
                        error.message() + " (" + error.code() + ")", null));
            }
        });
        return new BatchCoalescer.BatchResult<>(found, failures);
    }

    private static boolean isNotFound(String code) {
        return code == null || code.contains("NotFound") || code.equals("404");
    }

    @Override
    public void close() {
        channels.close();
        streamKeys.close();
    }
}
