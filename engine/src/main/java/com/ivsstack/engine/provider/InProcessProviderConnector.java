package com.ivsstack.engine.provider;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hosts provider services inside the engine's JVM on gRPC in-process transports: the same protocol and stubs as
 * a plugin process, without a process to start.
 */
public final class InProcessProviderConnector implements ProviderConnector {
    private final Map<String, Supplier<BindableService>> services;

    public InProcessProviderConnector(Map<String, Supplier<BindableService>> services) {
        this.services = Map.copyOf(services);
    }

    @Override
    public boolean supports(String packageName) {
        return services.containsKey(packageName);
    }

    @Override
    public Set<String> packages() {
        return services.keySet();
    }

    @Override
    public Connection connect(String packageName) {
        Supplier<BindableService> factory = services.get(packageName);
        if (factory == null) {
            throw new IllegalArgumentException("no provider for package '" + packageName + "'");
        }
        String name = InProcessServerBuilder.generateName();
        Server server;
        try {
            server = InProcessServerBuilder.forName(name).directExecutor().addService(factory.get()).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the in-process provider for " + packageName, e);
        }
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
        return new Connection(channel, () -> {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
