package com.ivsstack.engine;

import com.ivsstack.engine.state.StateBackends;
import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.events.RewrittenEvents;
import com.ivsstack.engine.exec.Deployment;
import com.ivsstack.engine.exec.DeploymentSettings;
import com.ivsstack.engine.exec.ProviderRegistry;
import com.ivsstack.engine.program.ConfigAdvice;
import com.ivsstack.engine.program.ProgramResolver;
import com.ivsstack.engine.program.ProgramRunner;
import com.ivsstack.engine.program.ProgramSpec;
import com.ivsstack.engine.program.Project;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.secrets.PassphraseSource;
import com.ivsstack.engine.secrets.SecretRedactor;
import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.StackLock;
import com.ivsstack.engine.state.backend.BackendSelection;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.UpdateRecord;
import com.ivsstack.engine.timing.RunTimings;
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
    private final ConfigAdvice advice;
    private final Map<String, String> environment;
    /** The stack lock this engine holds across several operations (see {@link #lock()}), or null. */
    private StackLock held;

    private Engine(Builder b) {
        this.project = Project.load(b.projectDirectory, b.stack);
        BackendUrl url = BackendSelection.select(b.backend, b.stateDirectory, b.environment, project.backendUrl(),
                b.projectDirectory.toAbsolutePath().normalize());
        Path stateDir = BackendSelection.localDirectory(url, b.stateDirectory, b.projectDirectory);
        Map<String, String> env = b.environment;
        this.environment = env;
        // A shared backend's passphrase comes from the environment only (see PassphraseSource#shared).
        this.secrets = url.isLocal()
                ? new SecretsManager(() -> PassphraseSource.resolve(env, stateDir, true),
                        () -> PassphraseSource.resolve(env, stateDir, false), project.encryptionSalt())
                : new SecretsManager(() -> PassphraseSource.shared(env, url.toString()), project.encryptionSalt());
        this.store = new CheckpointStore(StateBackends.open(url, env), stateDir, ORGANIZATION, project.name(), b.stack,
                secrets);
        try {
            requireStack();
        } catch (RuntimeException e) {
            store.backend().close();
            throw e;
        }
        this.connector = b.connector;
        this.configureOverrides = b.configureOverrides;
        this.programClasspath = b.programClasspath;
        this.mainClass = b.mainClass;
        this.events = b.events;
        this.advice = new ConfigAdvice(b.stack);
    }

    /**
     * A stack exists when it has a state, or a configuration file (ivsstack has no {@code stack init}: writing the
     * file is how a stack is started). Pulumi's existence is the backend's: a stack with a state and no file runs
     * with no configuration, as under the Pulumi CLI. With neither, the name is a typo as far as anyone can tell, and
     * running would deploy a new stack with an empty configuration.
     */
    private void requireStack() {
        if (project.hasStackFile() || store.exists()) {
            return;
        }
        java.util.SortedSet<String> known = project.configuredStacks();
        throw new IllegalArgumentException("no stack named '" + project.stack() + "' found: there is no "
                + Project.stackFileName(project.stack()) + " in " + project.directory().toAbsolutePath().normalize()
                + " and no state for it in " + store.backendUrl() + ". "
                + (known.isEmpty() ? "" : "This project's stacks: " + String.join(", ", known) + ". ")
                + "To start a new stack, write its configuration file " + Project.stackFileName(project.stack())
                + " (config: {} for none), then run up");
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

    /**
     * Locks the stack for several operations (up's preview and update, destroy's preview and destroy), so that a
     * second run is refused before it has done anything, not after its preview. The operations of this engine run
     * under it until it is closed.
     *
     * @param command what the run does, shown to a run the lock refuses ("ivsstack up")
     */
    public synchronized Lock lock(String command) {
        if (held != null) {
            throw new IllegalStateException("this engine already holds the lock of stack '" + project.stack() + "'");
        }
        StackLock lock = acquire(command);
        held = lock;
        return () -> {
            synchronized (this) {
                held = null;
            }
            lock.close();
        };
    }

    /** A held stack lock; closing it releases the lock. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock for one operation; none when {@link #lock} holds it already, or for a preview (which writes nothing). */
    private synchronized StackLock lockFor(boolean dryRun, String command) {
        return dryRun || held != null ? null : acquire(command);
    }

    private StackLock acquire(String command) {
        return StackLock.acquire(store, command, notice -> events.diagnostic(null, "warning", notice));
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

    public OperationResult preview(Options options) {
        return runProgram(true, options, events, false);
    }

    public OperationResult up(Options options) {
        return runProgram(false, options, events, false);
    }

    @SuppressWarnings("try") // the lock is held for the body, never referenced
    /** @param rebuilding whether it serves the rebuild of a lost state (see {@link CheckpointStore#load(boolean)}) */
    private OperationResult runProgram(boolean dryRun, Options options, DeploymentEvents shownEvents, boolean rebuilding) {
        long start = System.nanoTime();
        requireSharedPassphrase();
        try (StackLock lock = lockFor(dryRun, "ivsstack up")) {
            warnIfUnconfigured(shownEvents);
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
                Snapshot old = store.load(rebuilding);
                RunTimings.mark("state-loaded");
                if (config == null) {
                    config = project.config(secrets);
                }
                DeploymentSettings settings = settings(config, dryRun, options);
                SecretRedactor redactor = redactorFor(config, old);
                DeploymentEvents events = shown(shownEvents, redactor);
                try (Deployment deployment = new Deployment(settings, old, store, connector,
                        configureOverrides.apply(events), events, redactor::remember)) {
                    try {
                        deployment.resolvePendingOperations();
                        if (options.refresh()) {
                            deployment.refreshAll();
                        }
                        if (deployment.errors().isEmpty()) {
                            ProgramRun run = program != null ? program : startLate(spec, unresolved, settings);
                            int exit;
                            try {
                                exit = run.attach(deployment, events);
                            } finally {
                                if (run != program) {
                                    run.close();
                                }
                            }
                            RunTimings.flushLatest();
                            RunTimings.mark("program-exited");
                            if (exit == 0 && deployment.errors().isEmpty()) {
                                deployment.deleteUnregistered();
                            } else if (exit != 0) {
                                reportProgramFailure(deployment, run, exit);
                            }
                        }
                    } catch (RuntimeException e) {
                        if (deployment.errors().isEmpty()) {
                            deployment.reportError(e.getMessage() == null ? e.toString() : e.getMessage());
                        }
                    }
                    RunTimings.mark("run-done");
                    return recorded(result(dryRun ? "preview" : "update", dryRun, deployment, start, redactor));
                }
            }
        }
    }

    /** Starts the program once the deployment is ready (its configuration needed the passphrase key first). */
    private ProgramRun startLate(ProgramSpec resolved, RuntimeException unresolved, DeploymentSettings settings) {
        if (unresolved != null) {
            throw unresolved;
        }
        ProgramSpec spec = resolved != null ? resolved : ProgramResolver.resolve(project, programClasspath, mainClass);
        return ProgramRun.start(spec, settings, rootDirectory());
    }

    /**
     * A program that failed: the errors it logged (shown already) are the run's errors, so that a JSON plan or a
     * pull-request comment says why; only a program that logged nothing gets a message of the engine's own.
     */
    private static void reportProgramFailure(Deployment deployment, ProgramRun run, int exit) {
        List<String> logged = run.loggedErrors();
        if (!logged.isEmpty()) {
            logged.forEach(deployment::recordError);
        } else if (deployment.errors().isEmpty()) {
            deployment.reportError(exit == ProgramRunner.ERROR_ALREADY_REPORTED
                    ? "the program failed without saying why (exit code " + exit + ")"
                    : "the program exited with code " + exit + " (see its output above)");
        }
    }

    /** Masks every secret a run knows from its start: the stack's configuration and the state's values. */
    private static SecretRedactor redactorFor(Map<String, Object> config, Snapshot old) {
        SecretRedactor redactor = new SecretRedactor();
        redactor.remember(config);
        for (ResourceState r : old.resources()) {
            redactor.remember(r.inputs());
            redactor.remember(r.outputs());
        }
        return redactor;
    }

    /** What a run shows: every known secret masked, and advice in ivsstack's terms. */
    private DeploymentEvents shown(DeploymentEvents events, SecretRedactor redactor) {
        return new RewrittenEvents(events, text -> advice.rewrite(redactor.redact(text)));
    }

    /** A stack with a state but no configuration file runs with none, as under the Pulumi CLI; it is said, though. */
    private void warnIfUnconfigured(DeploymentEvents events) {
        if (!project.hasStackFile()) {
            events.diagnostic(null, "warning", "there is no " + Project.stackFileName(project.stack()) + " in "
                    + project.directory().toAbsolutePath().normalize() + ": the program runs with no stack configuration");
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
        return withoutProgram("destroy", dryRun, options, false, Deployment::destroyAll);
    }

    /** Reads every resource back from the cloud; in a dry run only reports what changed. */
    public OperationResult refresh(boolean dryRun, Options options) {
        return withoutProgram("refresh", dryRun, options, false, Deployment::refreshAll);
    }

    public OperationResult importResource(String type, String name, String id, boolean dryRun) {
        return withoutProgram("import", dryRun, Options.DEFAULT, true, d -> d.importResource(type, name, id));
    }

    /** Events that show only warnings and errors: a preview that serves another operation lists no steps. */
    private DeploymentEvents problemsOnly() {
        DeploymentEvents shown = events;
        return new DeploymentEvents() {
            @Override
            public void diagnostic(String urn, String severity, String message) {
                if (severity.equals("warning") || severity.equals("error")) {
                    shown.diagnostic(urn, severity, message);
                }
            }

            @Override
            public boolean showsDebug() {
                return false;
            }
        };
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
            // Only to learn what the program declares: its steps would read as if they were being created.
            OperationResult preview = runProgram(true, Options.DEFAULT, problemsOnly(), true);
            if (!preview.succeeded()) {
                return preview;
            }
            List<com.ivsstack.engine.plan.Step> declared = preview.steps().stream()
                    .filter(s -> s.custom() && s.op() == com.ivsstack.engine.plan.StepOp.CREATE
                            && !s.type().startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX))
                    .toList();
            OperationResult pass = withoutProgram("import", false, Options.DEFAULT, true, d -> d.importOwned(declared));
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
    private OperationResult withoutProgram(String kind, boolean dryRun, Options options, boolean rebuilding,
                                           java.util.function.Consumer<Deployment> body) {
        long start = System.nanoTime();
        requireSharedPassphrase();
        try (StackLock lock = lockFor(dryRun, "ivsstack " + kind)) {
            Snapshot old = store.load(rebuilding);
            DeploymentSettings settings = new DeploymentSettings(ORGANIZATION, project.name(), project.stack(),
                    project.config(secrets), dryRun, options.targets(), options.parallel());
            SecretRedactor redactor = redactorFor(settings.config(), old);
            DeploymentEvents events = shown(this.events, redactor);
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
                return recorded(result(kind, dryRun, deployment, start, redactor));
            }
        }
    }

    /** The result; its errors, like everything shown, with secrets masked and advice in ivsstack's terms. */
    private OperationResult result(String kind, boolean dryRun, Deployment deployment, long start, SecretRedactor redactor) {
        List<String> errors = deployment.errors().stream().map(e -> advice.rewrite(redactor.redact(e))).toList();
        return new OperationResult(kind, dryRun, deployment.steps(), errors, deployment.stackOutputs(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    public Map<String, Object> stackOutputs() {
        return store.load().stack().map(r -> r.outputs()).orElse(Map.of());
    }

    /** The resources of the stack's state, as its checkpoint lists them. */
    public List<ResourceState> stackResources() {
        return store.load().resources();
    }

    public JsonNode exportStack() {
        return store.export(store.load());
    }

    /**
     * Replaces the stack's state with an exported deployment, once it is validated as a whole (the previous state
     * stays as the checkpoint's backup); the number of resources imported.
     */
    @SuppressWarnings("try")
    public int importStack(JsonNode exported) {
        requireSharedPassphrase();
        try (StackLock lock = lockFor(false, "ivsstack stack import")) {
            Snapshot snapshot = store.parseExport(exported);
            store.save(snapshot);
            return snapshot.resources().size();
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
