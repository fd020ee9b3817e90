package com.ivsstack.engine.provider;

import io.grpc.ManagedChannel;

/** Starts provider plugin instances; one connection per provider resource, as the Pulumi engine does. */
public interface ProviderConnector {
    /** Whether this connector serves the package (the first segment of a type token). */
    boolean supports(String packageName);

    /** The packages it serves, for error messages. */
    java.util.Set<String> packages();

    Connection connect(String packageName);

    /** A live provider instance: a gRPC channel to it and whatever must be stopped with it. */
    interface Connection extends AutoCloseable {
        ManagedChannel channel();

        @Override
        void close();
    }
}
