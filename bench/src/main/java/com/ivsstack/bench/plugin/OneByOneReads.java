package com.ivsstack.bench.plugin;

import com.ivsstack.provider.aws.AwsClients;
import com.ivsstack.provider.aws.ChannelReads;
import com.ivsstack.provider.aws.IvsApiException;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.StreamKey;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The baseline's reads: one GetChannel or GetStreamKey per read, as the other IaC tools read IVS resources. */
final class OneByOneReads implements ChannelReads {

    private final AwsClients clients;

    OneByOneReads(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Optional<Channel> channel(String arn) {
        return IvsApiException.emptyIfNotFound(() -> clients.ivs().getChannel(b -> b.arn(arn)).channel());
    }

    @Override
    public CompletableFuture<Optional<StreamKey>> streamKeyAsync(String arn) {
        return CompletableFuture.completedFuture(streamKey(arn));
    }

    @Override
    public Optional<StreamKey> streamKey(String arn) {
        return IvsApiException.emptyIfNotFound(() -> clients.ivs().getStreamKey(b -> b.arn(arn)).streamKey());
    }
}
