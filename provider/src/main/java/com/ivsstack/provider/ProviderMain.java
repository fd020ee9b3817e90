package com.ivsstack.provider;

import com.ivsstack.provider.grpc.PluginLauncher;

/**
 * The Pulumi plugin {@code pulumi-resource-ivs}: the engine starts it (through the launcher script) with flags and its
 * address as the last argument, reads the port from the one line it prints, and drives it over gRPC. No AWS client is
 * built before Configure, so the port appears as soon as the server listens.
 */
public final class ProviderMain {

    private ProviderMain() {
    }

    public static void main(String[] args) {
        PluginLauncher.run(args, IvsProvider::new);
    }
}
