package com.ivsstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.exec.Deployment;
import com.ivsstack.engine.exec.DeploymentEvents;
import com.ivsstack.engine.exec.DeploymentSettings;
import com.ivsstack.engine.monitor.EngineService;
import com.ivsstack.engine.monitor.ResourceMonitorService;
import com.ivsstack.engine.program.ProgramResolver;
import com.ivsstack.engine.program.ProgramRunner;
import com.ivsstack.engine.program.ProgramSpec;
import com.ivsstack.engine.program.Project;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.secrets.PassphraseSource;
import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.StackLock;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The embedded engine for one stack of one project: runs the program against our ResourceMonitor and applies it
 * with the providers the connector supplies. Knows nothing of any particular provider.
 */
public final class Engine {
    public static final String ORGANIZATION = "organization";

    private final Project project;
    private final CheckpointStore store;
    private final SecretsManager secrets;
    private final ProviderConnector connector;
    private final Function<DeploymentEvents, Map<String, Map<String, Object>>> configureOverrides;
    private final String programClasspath;
    private final String mainClass;
    private final DeploymentEvents events;

    private Engine(Builder b) {
        this.project = Project.load(b.projectDirectory, b.stack);
        Path stateDir = b.stateDirectory != null ? b.stateDirectory : b.projectDirectory.resolve(".ivsstack");
        Map<String, String> env = b.environment;
        this.secrets = new SecretsManager(() -> PassphraseSource.resolve(env, stateDir), project.encryptionSalt());
        this.store = new CheckpointStore(stateDir, ORGANIZATION, project.name(), b.stack, secrets);
        this.connector = b.connector;
        this.configureOverrides = b.configureOverrides;
        this.programClasspath = b.programClasspath;
        this.mainClass = b.mainClass;
        this.events = b.events;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Project project() {
        return project;
    }

    public CheckpointStore store() {
        return store;
    }

    public record Options(boolean refresh, Set<String> targets, int parallel) {
        public static final Options DEFAULT = new Options(false, Set.of(), 10);
    }

    public OperationResult preview(Options options) {
        return runProgram(true, options);
    }

    public OperationResult up(Options options) {
        return runProgram(false, options);
    }

    @SuppressWarnings("try") // the lock is held for the body, never referenced
    private OperationResult runProgram(boolean dryRun, Options options) {
        long start = System.nanoTime();
        try (StackLock lock = dryRun ? null : StackLock.acquire(store.lockFile(), project.stack())) {
            Snapshot old = store.load();
            Map<String, Object> config = project.config(secrets);
            DeploymentSettings settings = new DeploymentSettings(ORGANIZATION, project.name(), project.stack(), config,
                    dryRun, options.targets(), options.parallel());
            try (Deployment deployment = new Deployment(settings, old, store, connector, configureOverrides.apply(events), events)) {
                try {
                    deployment.resolvePendingOperations();
                    if (options.refresh()) {
                        deployment.refreshAll();
                    }
                    if (deployment.errors().isEmpty()) {
                        ProgramSpec spec = ProgramResolver.resolve(project, programClasspath, mainClass);
                        int exit = runProgram(deployment, spec, settings);
                        if (exit == 0 && deployment.errors().isEmpty()) {
                            deployment.deleteUnregistered();
                        } else if (exit != 0 && deployment.errors().isEmpty()) {
                            deployment.reportError(exit == ProgramRunner.ERROR_ALREADY_REPORTED
                                    ? "the program failed (see its error above)"
                                    : "the program exited with code " + exit);
                        }
                    }
                } catch (RuntimeException e) {
                    if (deployment.errors().isEmpty()) {
                        deployment.reportError(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
                return result(dryRun ? "preview" : "update", dryRun, deployment, start);
            }
        }
    }

    private int runProgram(Deployment deployment, ProgramSpec spec, DeploymentSettings settings) {
        EngineService engineService = new EngineService(events);
        Server server;
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(new ResourceMonitorService(deployment))
                    .addService(engineService)
                    .maxInboundMessageSize(400 * 1024 * 1024)
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the resource monitor on 127.0.0.1", e);
        }
        try {
            String address = "127.0.0.1:" + server.getPort();
            return ProgramRunner.run(spec, new ProgramRunner.Environment(address, address, ORGANIZATION,
                    settings.project(), settings.stack(), settings.dryRun(), settings.config(),
                    project.directory().toAbsolutePath().toString(), settings.parallel()), events);
        } finally {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes every resource of the stack (the program is not run). */
    public OperationResult destroy(boolean dryRun, Options options) {
        return withoutProgram("destroy", dryRun, options, Deployment::destroyAll);
    }

    /** Reads every resource back from the cloud; in a dry run only reports what changed. */
    public OperationResult refresh(boolean dryRun, Options options) {
        return withoutProgram("refresh", dryRun, options, Deployment::refreshAll);
    }

    public OperationResult importResource(String type, String name, String id, boolean dryRun) {
        return withoutProgram("import", dryRun, Options.DEFAULT, d -> d.importResource(type, name, id));
    }

    @SuppressWarnings("try")
    private OperationResult withoutProgram(String kind, boolean dryRun, Options options,
                                           java.util.function.Consumer<Deployment> body) {
        long start = System.nanoTime();
        try (StackLock lock = dryRun ? null : StackLock.acquire(store.lockFile(), project.stack())) {
            Snapshot old = store.load();
            DeploymentSettings settings = new DeploymentSettings(ORGANIZATION, project.name(), project.stack(),
                    project.config(secrets), dryRun, options.targets(), options.parallel());
            try (Deployment deployment = new Deployment(settings, old, store, connector, configureOverrides.apply(events), events)) {
                try {
                    deployment.resolvePendingOperations();
                    body.accept(deployment);
                } catch (RuntimeException e) {
                    if (deployment.errors().isEmpty()) {
                        deployment.reportError(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
                return result(kind, dryRun, deployment, start);
            }
        }
    }

    private static OperationResult result(String kind, boolean dryRun, Deployment deployment, long start) {
        return new OperationResult(kind, dryRun, deployment.steps(), deployment.errors(), deployment.stackOutputs(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    public Map<String, Object> stackOutputs() {
        return store.load().stack().map(r -> r.outputs()).orElse(Map.of());
    }

    public JsonNode exportStack() {
        return store.export(store.load());
    }

    @SuppressWarnings("try")
    public void importStack(JsonNode exported) {
        try (StackLock lock = StackLock.acquire(store.lockFile(), project.stack())) {
            Snapshot snapshot = store.parseExport(exported);
            store.save(snapshot);
        }
    }

    public static final class Builder {
        private Path projectDirectory = Path.of(".");
        private String stack = "dev";
        private Path stateDirectory;
        private ProviderConnector connector;
        private Function<DeploymentEvents, Map<String, Map<String, Object>>> configureOverrides = e -> Map.of();
        private String programClasspath;
        private String mainClass;
        private DeploymentEvents events = DeploymentEvents.NONE;
        private Map<String, String> environment = System.getenv();

        public Builder projectDirectory(Path v) { projectDirectory = v; return this; }
        public Builder stack(String v) { stack = v; return this; }
        public Builder stateDirectory(Path v) { stateDirectory = v; return this; }
        public Builder connector(ProviderConnector v) { connector = v; return this; }
        /** Settings added to provider Configure calls only (never stored), e.g. a local endpoint's address. */
        public Builder configureOverrides(Map<String, Map<String, Object>> v) { configureOverrides = e -> v; return this; }
        public Builder programClasspath(String v) { programClasspath = v; return this; }
        public Builder mainClass(String v) { mainClass = v; return this; }
        public Builder events(DeploymentEvents v) { events = v; return this; }
        public Builder environment(Map<String, String> v) { environment = v; return this; }

        public Engine build() {
            if (connector == null) {
                throw new IllegalStateException("a provider connector is required");
            }
            return new Engine(this);
        }
    }
}
