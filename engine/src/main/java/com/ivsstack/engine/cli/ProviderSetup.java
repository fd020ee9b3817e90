package com.ivsstack.engine.cli;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.provider.ProviderConnector;
import java.nio.file.Path;
import java.util.Map;

/** Supplies the engine with providers (and, for --local, the local endpoint they talk to). */
public interface ProviderSetup {
    /**
     * @param stateDir  where the stack's state lives (the local endpoint persists its data there)
     * @param local     whether to use the embedded local endpoint
     * @param plugin    a provider plugin binary to launch instead of the in-process provider, or null
     * @param events    where provider messages go
     */
    Prepared prepare(Path projectDir, Path stateDir, boolean local, Path plugin, DeploymentEvents events);

    /** The connector, settings added to Configure calls, and what to stop afterwards. */
    record Prepared(ProviderConnector connector, Map<String, Map<String, Object>> configureOverrides,
                    AutoCloseable resources, String description) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + description + ": " + e.getMessage(), e);
            }
        }
    }
}
