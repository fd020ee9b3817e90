package com.ivsstack.engine.state;

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
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of one stack on a state backend, in the layout of Pulumi's DIY backends
 * ({@code .pulumi/stacks/<project>/<stack>.json} under the backend's root), so {@code pulumi login <the same URL>}
 * reads them too. Every write keeps the previous checkpoint as {@code <stack>.json.bak}, as Pulumi's backend does, and
 * is atomic on the store (a file renamed into place, one S3 object, one row). Every write is fenced: it is made only
 * if the checkpoint is still the version this run read or last wrote under its lock (S3 {@code If-Match}, the row's
 * {@code xmin} on PostgreSQL), so a run that lost its lock can never overwrite a newer state.
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

    /** The file backend in {@code stateDir} (today's layout). */
    public CheckpointStore(Path stateDir, String organization, String project, String stack, SecretsManager secrets) {
        this(StateBackend.open(BackendUrl.file(stateDir), Map.of()), stateDir, organization, project, stack, secrets);
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

    /** The previous checkpoint's file, for a file backend. */
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

    public CheckpointCodec codec() {
        return codec;
    }

    /** Whether the stack has a state (a checkpoint). */
    public boolean exists() {
        return store.read(layout.checkpoint()).isPresent();
    }

    /**
     * From now on, writes are fenced on the checkpoint as the next {@link #load} (or, without one, the next save)
     * reads it: called when the run takes the stack's lock.
     */
    public synchronized void fenceFromNextRead() {
        versionKnown = false;
    }

    /** The stack's state (empty for a new stack); the first read under a lock notes the version writes are fenced on. */
    public Snapshot load() {
        Optional<BlobStore.Blob> blob = store.read(layout.checkpoint());
        synchronized (this) {
            if (!versionKnown) {
                version = blob.map(BlobStore.Blob::version).orElse(null);
                versionKnown = true;
            }
        }
        if (blob.isEmpty()) {
            return Snapshot.EMPTY;
        }
        JsonNode root;
        try {
            root = CheckpointCodec.JSON.readTree(blob.get().data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + layout.checkpoint() + " in " + backend.url()
                    + ": " + e.getMessage(), e);
        }
        int formatVersion = root.path("version").asInt();
        if (formatVersion > CheckpointCodec.CHECKPOINT_VERSION) {
            throw new BackendException(BackendException.Kind.NEWER_FORMAT, backend.url().toString(), "the checkpoint "
                    + layout.checkpoint() + " is format version " + formatVersion + ", newer than the version "
                    + CheckpointCodec.CHECKPOINT_VERSION + " ivsstack reads", "use the tool that wrote it (a newer "
                    + "Pulumi CLI), or a newer ivsstack");
        }
        JsonNode latest = root.path("checkpoint").path("latest");
        if (latest.isMissingNode() || latest.isNull()) {
            return Snapshot.EMPTY;
        }
        return codec.snapshot(latest);
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            written = codec.writeCheckpoint(bytes, organization + "/" + project + "/" + stack, snapshot, written);
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
        byte[] data = bytes.toByteArray();
        try {
            version = store.writeIf(layout.checkpoint(), data, version);
        } catch (VersionConflictException e) {
            throw new StateChangedException(stack, backend.url().toString(), e);
        }
        statistics.add(data.length, System.nanoTime() - start);
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

    public Snapshot parseExport(JsonNode root) {
        int version = root.path("version").asInt();
        if (version != 3) {
            throw new IllegalArgumentException("unsupported deployment version " + version
                    + ": the embedded engine reads version 3 exports (pulumi stack export writes them)");
        }
        return codec.snapshot(root.path("deployment"));
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

        /** The size of the last checkpoint written. */
        public synchronized long lastBytes() {
            return lastBytes;
        }

        public synchronized long writes() {
            return writes;
        }

        public synchronized long bytes() {
            return bytes;
        }

        public synchronized long nanos() {
            return nanos;
        }
    }
}
