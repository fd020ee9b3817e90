package com.ivsstack.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.engine.state.backend.BackendException;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.DiyLayout;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.state.backend.UpdateRecord;
import com.ivsstack.engine.state.backend.VersionConflictException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of one stack on a state backend, in the layout of Pulumi's DIY backends
 * ({@code .pulumi/stacks/<project>/<stack>.json} under the backend's root), so {@code pulumi login <the same URL>}
 * reads them too. Every write keeps the previous checkpoint as {@code <stack>.json.bak}, as Pulumi's backend does, and
 * is atomic on the store: a file flushed to the disk and renamed into place (the rename flushed too), one S3 object,
 * one row. Every write is fenced: it is made only if the checkpoint is still the version this run read or last wrote
 * under its lock (S3 {@code If-Match}, the row's {@code xmin} on PostgreSQL), so a run that lost its lock can never
 * overwrite a newer state. A checkpoint that is not a valid one is refused with the way back, never read as a new
 * stack: that would create every resource again.
 */
public final class CheckpointStore {
    private final StateBackend backend;
    private final BlobStore store;
    private final DiyLayout layout;
    private final Path stateDir;
    private final String organization;
    private final String project;
    private final String stack;
    private final CheckpointCodec codec;
    /** The resources of the last save as written, by identity (see {@link CheckpointCodec#writeCheckpoint}). */
    private Map<ResourceState, String> written = Map.of();
    /** The checkpoint's version as this run last read or wrote it (null: none); known once read. */
    private String version;
    private boolean versionKnown;
    private final WriteStatistics statistics = new WriteStatistics();
    /** The bytes of the checkpoint being written, kept from one save to the next: a large stack's 20 MB, not anew. */
    private final Buffer buffer = new Buffer();

    /** The file backend in {@code stateDir} (today's layout). */
    public CheckpointStore(Path stateDir, String organization, String project, String stack, SecretsManager secrets) {
        this(StateBackends.open(BackendUrl.file(stateDir), Map.of()), stateDir, organization, project, stack, secrets);
    }

    /**
     * @param stateDir the local directory of the stack's local files (the local endpoint's data; a generated
     *                 passphrase); for a file backend its directory
     */
    public CheckpointStore(StateBackend backend, Path stateDir, String organization, String project, String stack,
                           SecretsManager secrets) {
        this.backend = backend;
        this.store = backend.store();
        this.layout = new DiyLayout(project, stack);
        this.stateDir = stateDir;
        this.organization = organization;
        this.project = project;
        this.stack = stack;
        this.codec = new CheckpointCodec(secrets);
    }

    public StateBackend backend() {
        return backend;
    }

    public BackendUrl backendUrl() {
        return backend.url();
    }

    public DiyLayout layout() {
        return layout;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The checkpoint's file, for a file backend. */
    public Path checkpointFile() {
        return file(layout.checkpoint());
    }

    /** The previous checkpoint's file (Pulumi's backend keeps the same), for a file backend. */
    public Path backupFile() {
        return file(layout.backup());
    }

    /** The file the operating-system lock is taken on, for a file backend. */
    public Path lockFile() {
        return file(layout.hold());
    }

    private Path file(String key) {
        if (!backend.url().isLocal()) {
            throw new IllegalStateException("the state of stack '" + stack + "' is in " + backend.url() + ", not in files");
        }
        return backend.url().directory().resolve(key);
    }

    /** Where the previous checkpoint is kept (its file, or its key in the backend), if there is one. */
    public Optional<String> backupLocation() {
        return store.read(layout.backup()).map(b -> where(layout.backup()));
    }

    /** Where an object is, for messages: its file in a file backend, else its key in the backend. */
    private String where(String key) {
        return backend.url().isLocal() ? file(key).toString() : key + " in " + backend.url();
    }

    public CheckpointCodec codec() {
        return codec;
    }

    /** Whether the stack has a state (a checkpoint, or the backup of one). */
    public boolean exists() {
        return store.list(layout.checkpoint()).stream()
                .anyMatch(e -> e.key().equals(layout.checkpoint()) || e.key().equals(layout.backup()));
    }

    /**
     * From now on, writes are fenced on the checkpoint as the next {@link #load} (or, without one, the next save)
     * reads it: called when the run takes the stack's lock.
     */
    public synchronized void fenceFromNextRead() {
        versionKnown = false;
    }

    /**
     * The stack's state: empty for a new stack (no checkpoint, or Pulumi's {@code stack init} checkpoint without a
     * deployment). The first read under a lock notes the version this run's writes are fenced on.
     *
     * @throws DamagedCheckpointException when it is not a valid checkpoint, or is missing while its backup holds
     *                                    resources
     * @throws BackendException           when a newer format wrote it
     */
    public Snapshot load() {
        return load(false);
    }

    /**
     * @param rebuilding whether the caller rebuilds a lost state (import, which creates nothing): a missing checkpoint
     *                   is then an empty state, whatever its backup holds
     */
    public Snapshot load(boolean rebuilding) {
        Optional<BlobStore.Blob> blob = store.read(layout.checkpoint());
        synchronized (this) {
            if (!versionKnown) {
                version = blob.map(BlobStore.Blob::version).orElse(null);
                versionKnown = true;
            }
        }
        if (blob.isEmpty()) {
            if (!rebuilding) {
                refuseLostCheckpoint();
            }
            return Snapshot.EMPTY;
        }
        Reading reading = readLatest(blob.get().data());
        if (reading.problem() != null) {
            throw new DamagedCheckpointException(where(layout.checkpoint()), reading.problem(), backupAdvice());
        }
        return reading.latest().map(codec::snapshot).orElse(Snapshot.EMPTY);
    }

    /** A stack whose checkpoint is gone but whose backup has resources was deployed: starting anew would duplicate it. */
    private void refuseLostCheckpoint() {
        Optional<BlobStore.Blob> backup = store.read(layout.backup());
        if (backup.isEmpty()) {
            return;
        }
        int resources = readLatest(backup.get().data()).latest().map(CheckpointStore::resourceCount).orElse(0);
        if (resources > 0) {
            throw new DamagedCheckpointException(where(layout.checkpoint()), "it is missing, but the backup of the "
                    + "previous checkpoint holds " + resources + " resources (ivsstack import reads a missing checkpoint "
                    + "as empty); if the stack was removed on purpose (pulumi stack rm), delete "
                    + where(layout.backup()) + " to start it anew", backupAdvice());
        }
    }

    /** What the restore advice says about the backup: how to put it back, or nothing when it is no better. */
    private String backupAdvice() {
        Optional<BlobStore.Blob> backup = store.read(layout.backup());
        if (backup.isEmpty()) {
            return null;
        }
        Reading reading = readLatest(backup.get().data());
        if (reading.problem() != null) {
            return null;
        }
        String summary = "the previous checkpoint, " + where(layout.backup()) + " ("
                + reading.latest().map(CheckpointStore::resourceCount).orElse(0) + " resources, written "
                + backup.get().modified().truncatedTo(ChronoUnit.SECONDS) + "), is valid; to go back to it, ";
        return backend.url().isLocal()
                ? summary + "run:\n    cp '" + backupFile() + "' '" + checkpointFile() + "'"
                : summary + "copy the object " + layout.backup() + " over " + layout.checkpoint() + " in the backend";
    }

    private static int resourceCount(JsonNode deployment) {
        return deployment.path("resources").size();
    }

    /** A checkpoint read: its deployment (empty for a stack without one), or what is wrong with it. */
    private record Reading(Optional<JsonNode> latest, String problem) {
    }

    /**
     * Whether the bytes hold only white space, decided by the first byte that is not ASCII white space (a checkpoint's
     * first byte, '{'), rather than by decoding the whole checkpoint into a string on every load.
     */
    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return new String(bytes, StandardCharsets.UTF_8).isBlank(); // white space beyond ASCII: let Java decide
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private Reading readLatest(byte[] bytes) {
        if (isBlank(bytes)) {
            return problem("it is empty (" + bytes.length + " bytes)");
        }
        JsonNode root;
        try {
            root = CheckpointCodec.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return problem("it is not valid JSON (" + e.getOriginalMessage() + ", line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + where(layout.checkpoint()) + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            return problem("it holds " + (root == null || root.isNull() ? "null" : root.getNodeType().toString().toLowerCase())
                    + ", not a checkpoint object {\"version\": 3, \"checkpoint\": {...}}");
        }
        JsonNode version = root.path("version");
        JsonNode checkpoint = root.path("checkpoint");
        if (!version.isInt()) {
            return problem("its \"version\" is " + (version.isMissingNode() ? "missing" : version.toString()) + ", not a number");
        }
        if (version.intValue() > CheckpointCodec.CHECKPOINT_VERSION) {
            throw new BackendException(BackendException.Kind.NEWER_FORMAT, backend.url().toString(), "the checkpoint "
                    + layout.checkpoint() + " is format version " + version.intValue() + ", newer than the version "
                    + CheckpointCodec.CHECKPOINT_VERSION + " ivsstack reads", "use the tool that wrote it (a newer "
                    + "Pulumi CLI), or a newer ivsstack");
        }
        if (!checkpoint.isObject()) {
            return problem("its \"checkpoint\" is " + (checkpoint.isMissingNode() ? "missing" : checkpoint.toString()) + ", not an object");
        }
        if (!checkpoint.path("stack").isTextual() || checkpoint.path("stack").asText().isBlank()) {
            return problem("its \"checkpoint\" names no stack (checkpoint.stack)");
        }
        JsonNode latest = checkpoint.path("latest");
        if (latest.isMissingNode() || latest.isNull()) {
            // A stack created by `pulumi stack init` and never deployed (version 0 in older Pulumi CLIs).
            return version.intValue() >= 0 ? new Reading(Optional.empty(), null)
                    : problem("its version " + version.intValue() + " is not one ivsstack reads (3)");
        }
        if (version.intValue() != CheckpointCodec.CHECKPOINT_VERSION) {
            return problem("its version is " + version.intValue() + "; ivsstack reads version 3 checkpoints (an update "
                    + "with a current Pulumi CLI writes one)");
        }
        List<String> problems = DeploymentValidator.problems(latest, "checkpoint.latest", project, stack);
        if (!problems.isEmpty()) {
            return problem(DeploymentValidator.describe(problems));
        }
        return new Reading(Optional.of(latest), null);
    }

    private static Reading problem(String problem) {
        return new Reading(Optional.empty(), problem);
    }

    /**
     * Writes the checkpoint: the previous one becomes the backup, and the new one replaces it if it is still the
     * version this run read or last wrote. Resources unchanged since the previous save are not encoded again, so a
     * save during a deployment costs little more than writing the bytes.
     *
     * @throws StateChangedException when another run changed the checkpoint (this run no longer holds the lock)
     */
    public synchronized void save(Snapshot snapshot) {
        long start = System.nanoTime();
        buffer.reset();
        try {
            written = codec.writeCheckpoint(buffer, organization + "/" + project + "/" + stack, snapshot, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!versionKnown) {
            version = store.read(layout.checkpoint()).map(BlobStore.Blob::version).orElse(null);
            versionKnown = true;
        }
        backend.ensureLayoutWritten();
        if (version != null) {
            store.copy(layout.checkpoint(), layout.backup());
        }
        try {
            version = store.writeIf(layout.checkpoint(), buffer.bytes(), buffer.size(), version);
        } catch (VersionConflictException e) {
            throw new StateChangedException(stack, backend.url().toString(), e);
        }
        statistics.add(buffer.size(), System.nanoTime() - start);
    }

    /** An update's record in the stack's history, with the checkpoint as it is now (Pulumi's DIY history). */
    public void recordUpdate(UpdateRecord record) {
        long now = System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L;
        store.write(layout.history(now), record.toBytes());
        store.copy(layout.checkpoint(), layout.historyCheckpoint(now));
    }

    public WriteStatistics statistics() {
        return statistics;
    }

    /** The {@code pulumi stack export} form: {@code {"version":3,"deployment":{...}}}. */
    public ObjectNode export(Snapshot snapshot) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 3);
        root.set("deployment", codec.deployment(snapshot));
        return root;
    }

    /**
     * Reads a {@code pulumi stack export} document, validated as a whole first: a deployment that would break every
     * later command (a malformed URN, a resource of another stack, a dangling reference) is refused, naming each
     * problem, before anything is replaced.
     */
    public Snapshot parseExport(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file is not a stack export: expected {\"version\": 3, \"deployment\": {...}}");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() != 3) {
            throw new IllegalArgumentException("unsupported deployment version " + (version.isMissingNode() ? "(missing)" : version)
                    + ": the embedded engine reads version 3 exports (pulumi stack export writes them)");
        }
        List<String> problems = DeploymentValidator.problems(root.path("deployment"), "deployment", project, stack);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the deployment is not valid, so the state was left as it was: "
                    + DeploymentValidator.describe(problems));
        }
        return codec.snapshot(root.path("deployment"));
    }

    /** A byte buffer whose bytes are handed to the store as they are (no copy). */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /** The checkpoint writes of this store: how many, their bytes and the time they took. */
    public static final class WriteStatistics {
        private long writes;
        private long bytes;
        private long lastBytes;
        private long nanos;

        synchronized void add(long written, long took) {
            writes++;
            bytes += written;
            lastBytes = written;
            nanos += took;
        }

        public synchronized long writes() {
            return writes;
        }

        public synchronized long bytes() {
            return bytes;
        }

        /** The size of the last checkpoint written. */
        public synchronized long lastBytes() {
            return lastBytes;
        }

        public synchronized long nanos() {
            return nanos;
        }
    }
}
