package com.ivsstack.engine.exec;

import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.state.ProviderReference;
import com.ivsstack.engine.state.ResourceState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Configured provider instances by reference ({@code urn::id}). Providers of old resources that the program no
 * longer registers are restored from their stored inputs when a delete or refresh needs them.
 */
public final class ProviderRegistry implements AutoCloseable {
    public static final String PROVIDER_TYPE_PREFIX = "pulumi:providers:";

    private final ProviderConnector connector;
    private final Map<String, Map<String, Object>> configureOverrides;
    private final Map<String, ProviderClient> byReference = new ConcurrentHashMap<>();
    private final Function<String, ResourceState> oldProviderLookup;

    /**
     * @param configureOverrides per package, settings added to Configure only (never stored in state), such as
     *                           the local endpoint's address, which changes from run to run
     */
    public ProviderRegistry(ProviderConnector connector, Map<String, Map<String, Object>> configureOverrides,
                            Function<String, ResourceState> oldProviderLookup) {
        this.connector = connector;
        this.configureOverrides = configureOverrides;
        this.oldProviderLookup = oldProviderLookup;
    }

    public ProviderConnector connector() {
        return connector;
    }

    public static String packageOf(String providerType) {
        return providerType.substring(PROVIDER_TYPE_PREFIX.length());
    }

    /** Starts an instance, without configuring it (for CheckConfig/DiffConfig). */
    public ProviderClient start(String packageName) {
        ProviderClient client = new ProviderClient(packageName, connector.connect(packageName));
        client.handshake();
        return client;
    }

    public void configure(ProviderClient client, String urn, String id, Map<String, Object> inputs) {
        Map<String, Object> args = new LinkedHashMap<>(inputs);
        args.putAll(configureOverrides.getOrDefault(client.packageName(), Map.of()));
        client.configure(urn, id, args);
        // A reference restored from the old state (to resolve a pending operation, say) and then registered by the
        // program again gets a second client; the first one's plugin process must not be left running.
        ProviderClient previous = byReference.put(urn + "::" + id, client);
        if (previous != null && previous != client) {
            previous.close();
        }
    }

    /** The configured provider behind a reference, restoring it from the old state when needed. */
    public synchronized ProviderClient get(String reference) {
        ProviderClient client = byReference.get(reference);
        if (client != null) {
            return client;
        }
        ProviderReference ref = ProviderReference.parse(reference);
        ResourceState stored = oldProviderLookup.apply(ref.urn());
        if (stored == null || !ref.id().equals(stored.id())) {
            throw new IllegalStateException("provider " + reference + " is neither registered by the program nor "
                    + "recorded in the state; the checkpoint is inconsistent");
        }
        ProviderClient restored = start(packageOf(stored.type()));
        configure(restored, stored.urn(), stored.id(), stored.inputs());
        return restored;
    }

    @Override
    public void close() {
        byReference.values().forEach(ProviderClient::close);
        byReference.clear();
    }
}
