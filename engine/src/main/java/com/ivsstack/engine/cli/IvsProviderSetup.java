package com.ivsstack.engine.cli;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.provider.InProcessProviderConnector;
import com.ivsstack.engine.provider.PluginProcessConnector;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.grpc.ResourceProviderService;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root: the only place that names the IVS provider and the local IVS endpoint. The provider runs
 * in-process behind its own gRPC adapter, or as the plugin binary given with --plugin.
 */
public final class IvsProviderSetup implements ProviderSetup {
    static final String PACKAGE = "ivs";
    static final String LOCAL_ENDPOINT_FILE = "local-endpoint.json";

    @Override
    public Prepared prepare(Path projectDir, Path stateDir, boolean local, Path plugin, DeploymentEvents events) {
        ProviderConnector connector;
        if (plugin != null) {
            // The plugin logs through the engine address; ours answers only while a program runs, so none is given.
            connector = new PluginProcessConnector(PACKAGE, plugin, projectDir, () -> "127.0.0.1:0");
        } else {
            // The provider's messages (a stream key adopted, a recording configuration detached) join the run's output.
            ProviderLog log = (severity, urn, message) -> events.diagnostic(urn, severity.name().toLowerCase(java.util.Locale.ROOT)
                                        , message);
            Supplier<BindableService> service = () -> new ResourceProviderService(ignored -> new IvsProvider(log));
            connector = new InProcessProviderConnector(Map.of(PACKAGE, service));
        }
        if (!local) {
            return new Prepared(connector, Map.of(), () -> { }, "the provider");
        }
        IvsEmulator emulator = IvsEmulator.builder().port(0).dataFile(stateDir.resolve(LOCAL_ENDPOINT_FILE)).build().start();
        Map<String, Map<String, Object>> overrides = Map.of(PACKAGE, Map.of("endpoint", emulator.endpoint().toString()));
        return new Prepared(connector, overrides, emulator::close, "the local IVS endpoint");
    }
}
