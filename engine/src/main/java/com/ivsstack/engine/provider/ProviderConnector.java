package com.ivsstack.engine.provider;

import io.grpc.ManagedChannel;

/** Starts provider plugin instances; one connection per provider resource, as the Pulumi engine does. */
public interface ProviderConnector {
    /** Whether this connector serves the package (the first segment of a type token). */
    boolean supports(String packageName);

    /** The packages it serves, for error messages. */
    java.util.Set<String> packages();

    Connection connect(String packageName);

    /** The largest message the engine takes from a provider (a Read of a large stack's resources, say). */
    int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    /**
     * A live provider instance: a gRPC channel to it, and what stops the instance once the channel is closed (an
     * in-process server, a plugin process).
     */
    record Connection(ManagedChannel channel, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            channel.shutdownNow();
            stop.run();
        }
    }
}
