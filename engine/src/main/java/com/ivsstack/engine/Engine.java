package com.ivsstack.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.exec.Deployment;
import com.ivsstack.engine.exec.DeploymentEvents;
import com.ivsstack.engine.exec.DeploymentSettings;
import com.ivsstack.engine.exec.ProviderRegistry;
import com.ivsstack.engine.program.ProgramResolver;
import com.ivsstack.engine.program.ProgramRunner;
import com.ivsstack.engine.program.ProgramSpec;
import com.ivsstack.engine.program.Project;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.secrets.PassphraseSource;
import com.ivsstack.engine.secrets.SecretRedactor;
import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.state.backend.BackendSelection;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.state.backend.UpdateRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded engine for one stack of one project: runs the program against our ResourceMonitor and applies it
 * with the providers the connector supplies. Knows nothing of any particular provider.
 */
public final class Engine implements AutoCloseable {
    public static final String ORGANIZATION = "organization";

    private final Project project;
    private final CheckpointStore store;
    private final SecretsManager secrets;
    private final ProviderConnector connector;
    private final Function<DeploymentEvents, Map<String, Map<String, Object>>> configureOverrides;
    private final String programClasspath;
    private final String mainClass;
    private final DeploymentEvents events;
    private final Map<String, String> environment;

    private Engine(Builder b) {
        this.project = Project.load(b.projectDirectory, b.stack);
        BackendUrl url = BackendSelection.select(b.backend, b.stateDirectory, b.environment, project.backendUrl(),
                b.projectDirectory.toAbsolutePath().normalize());
        Path stateDir = BackendSelection.localDirectory(url, b.stateDirectory, b.projectDirectory);
        Map<String, String> env = b.environment;
        this.secrets = new SecretsManager(url.isLocal() ? () -> PassphraseSource.resolve(env, stateDir)
                : () -> PassphraseSource.shared(env, url.toString()), project.encryptionSalt());
        this.environment = env;
        this.store = new CheckpointStore(StateBackend.open(url, env), stateDir, ORGANIZATION, project.name(), b.stack,
                secrets);
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
        requireSharedPassphrase();
        try (StackLock lock = dryRun ? null : lock(dryRun ? "preview" : "up")) {
            // The program's JVM takes longer to reach its first registration than the state takes to load (the
            // passphrase key alone is a second of PBKDF2): start it first, unless its configuration needs the key.
            Map<String, Object> config = null;
            ProgramSpec spec = null;
            RuntimeException unresolved = null;
            ProgramRun early = null;
            if (!project.hasSecureConfig()) {
                config = project.config(secrets);
                try {
                    spec = ProgramResolver.resolve(project, programClasspath, mainClass);
                    early = ProgramRun.start(spec, settings(config, dryRun, options), rootDirectory());
                } catch (RuntimeException e) {
                    unresolved = e; // reported where a run that starts the program late would report it
                }
            }
            try (ProgramRun program = early) {
                Snapshot old = store.load();
                RunTimings.mark("state-loaded");
                if (config == null) {
                    config = project.config(secrets);
                }
                DeploymentSettings settings = settings(config, dryRun, options);
                SecretRedactor redactor = new SecretRedactor();
                redactor.remember(config);
                redactor.remember(old);
                DeploymentEvents events = redactor.wrap(this.events);
                try (Deployment deployment = new Deployment(settings, old, store, connector,
                        configureOverrides.apply(events), events, redactor::remember)) {
                    try {
                        deployment.resolvePendingOperations();
                        if (options.refresh()) {
                            deployment.refreshAll();
                        }
                        if (deployment.errors().isEmpty()) {
                            int exit = program != null ? program.attach(deployment, events)
                                    : runLate(spec, unresolved, deployment, settings, events);
                            RunTimings.flushLatest();
                            RunTimings.mark("program-exited");
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
                    RunTimings.mark("run-done");
                    return recorded(result(dryRun ? "preview" : "update", dryRun, deployment, start));
                }
            }
        }
    }

    /** Starts the program once the deployment is ready (its configuration needed the passphrase key first). */
    private int runLate(ProgramSpec resolved, RuntimeException unresolved, Deployment deployment,
                        DeploymentSettings settings, DeploymentEvents events) {
        if (unresolved != null) {
            throw unresolved;
        }
        ProgramSpec spec = resolved != null ? resolved : ProgramResolver.resolve(project, programClasspath, mainClass);
        try (ProgramRun program = ProgramRun.start(spec, settings, rootDirectory())) {
            return program.attach(deployment, events);
        }
    }

    private DeploymentSettings settings(Map<String, Object> config, boolean dryRun, Options options) {
        return new DeploymentSettings(ORGANIZATION, project.name(), project.stack(), config, dryRun, options.targets(),
                options.parallel());
    }

    private String rootDirectory() {
        return project.directory().toAbsolutePath().toString();
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

    /**
     * Rebuilds the state of a stack whose state file was lost: previews the program for the resources it declares,
     * then adopts each one the provider finds as created by that resource's URN. Passes repeat while they adopt
     * something, because a lookup may need an output of a resource adopted in the pass before (a stream key, its
     * channel's ARN). Nothing is created or changed.
     */
    public OperationResult importOwned() {
        List<com.ivsstack.engine.plan.Step> adopted = new java.util.ArrayList<>();
        while (true) {
            OperationResult preview = preview(Options.DEFAULT);
            if (!preview.succeeded()) {
                return preview;
            }
            List<com.ivsstack.engine.plan.Step> declared = preview.steps().stream()
                    .filter(s -> s.custom() && s.op() == com.ivsstack.engine.plan.StepOp.CREATE
                            && !s.type().startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX))
                    .toList();
            OperationResult pass = withoutProgram("import", false, Options.DEFAULT, d -> d.importOwned(declared));
            List<com.ivsstack.engine.plan.Step> imported = pass.steps().stream()
                    .filter(s -> s.op() == com.ivsstack.engine.plan.StepOp.IMPORT).toList();
            adopted.addAll(imported);
            if (!pass.succeeded() || imported.isEmpty()) {
                return new OperationResult(pass.kind(), false, List.copyOf(adopted), pass.errors(), pass.outputs(),
                        pass.elapsed());
            }
        }
    }

    @SuppressWarnings("try")
    private OperationResult withoutProgram(String kind, boolean dryRun, Options options,
                                           java.util.function.Consumer<Deployment> body) {
        long start = System.nanoTime();
        requireSharedPassphrase();
        try (StackLock lock = dryRun ? null : lock(kind)) {
            Snapshot old = store.load();
            DeploymentSettings settings = new DeploymentSettings(ORGANIZATION, project.name(), project.stack(),
                    project.config(secrets), dryRun, options.targets(), options.parallel());
            SecretRedactor redactor = new SecretRedactor();
            redactor.remember(settings.config());
            redactor.remember(old);
            DeploymentEvents events = redactor.wrap(this.events);
            try (Deployment deployment = new Deployment(settings, old, store, connector, configureOverrides.apply(events),
                    events, redactor::remember)) {
                try {
                    deployment.resolvePendingOperations();
                    body.accept(deployment);
                } catch (RuntimeException e) {
                    if (deployment.errors().isEmpty()) {
                        deployment.reportError(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
                return recorded(result(kind, dryRun, deployment, start));
            }
        }
    }

    private StackLock lock(String command) {
        return StackLock.acquire(store, "ivsstack " + command, notice -> events.diagnostic(null, "warning", notice));
    }

    /** A shared backend's stack needs the passphrase from the environment: said before anything is done. */
    private void requireSharedPassphrase() {
        if (!store.backendUrl().isLocal()) {
            PassphraseSource.shared(environment, store.backendUrl().toString());
        }
    }

    /** Records an update (not a preview) in the stack's history, as Pulumi's DIY backends do. */
    private OperationResult recorded(OperationResult result) {
        if (!result.dryRun()) {
            Map<String, Integer> changes = new java.util.LinkedHashMap<>();
            result.counts().forEach((op, n) -> changes.put(op.word(), n));
            long end = System.currentTimeMillis() / 1000;
            store.recordUpdate(new UpdateRecord(result.kind(), result.succeeded() ? "succeeded" : "failed",
                    end - result.elapsed().toSeconds(), end, changes, project.storedConfig()));
        }
        return result;
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
        requireSharedPassphrase();
        try (StackLock lock = lock("stack import")) {
            Snapshot snapshot = store.parseExport(exported);
            store.save(snapshot);
        }
    }

    @Override
    public void close() {
        CheckpointStore.WriteStatistics writes = store.statistics();
        RunTimings.stateWrites(writes.writes(), writes.bytes(), writes.lastBytes(), writes.nanos() / 1_000_000);
        store.backend().close();
    }

    public static final class Builder {
        private Path projectDirectory = Path.of(".");
        private String stack = "dev";
        private Path stateDirectory;
        private String backend;
        private ProviderConnector connector;
        private Function<DeploymentEvents, Map<String, Map<String, Object>>> configureOverrides = e -> Map.of();
        private String programClasspath;
        private String mainClass;
        private DeploymentEvents events = DeploymentEvents.NONE;
        private Map<String, String> environment = System.getenv();

        public Builder projectDirectory(Path v) { projectDirectory = v; return this; }
        public Builder stack(String v) { stack = v; return this; }
        public Builder stateDirectory(Path v) { stateDirectory = v; return this; }
        /** The state backend's URL, as {@code --backend} gives it (null: PULUMI_BACKEND_URL, Pulumi.yaml, the default). */
        public Builder backend(String v) { backend = v; return this; }
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
