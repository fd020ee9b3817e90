package com.ivsstack.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints on disk, in the layout of Pulumi's file backend ({@code <dir>/.pulumi/stacks/<project>/<stack>.json}),
 * so {@code pulumi login file://<dir>} reads them too. Every write keeps the previous checkpoint as
 * {@code <stack>.json.bak} (as Pulumi's backend does), goes to a temporary file that is flushed to the disk, and is
 * renamed over the checkpoint, and the rename is flushed too: neither a crash of the process nor one of the machine
 * leaves half a checkpoint. A file that is not a valid checkpoint is refused with the way back, never read as a new
 * stack: that would create every resource again.
 */
public final class CheckpointStore {
    private final Path stateDir;
    private final String organization;
    private final String project;
    private final String stack;
    private final CheckpointCodec codec;
    /** The resources of the last save as written, by identity (see {@link CheckpointCodec#writeCheckpoint}). */
    private Map<ResourceState, String> written = Map.of();

    public CheckpointStore(Path stateDir, String organization, String project, String stack, SecretsManager secrets) {
        this.stateDir = stateDir;
        this.organization = organization;
        this.project = project;
        this.stack = stack;
        this.codec = new CheckpointCodec(secrets);
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path checkpointFile() {
        return stateDir.resolve(".pulumi").resolve("stacks").resolve(project).resolve(stack + ".json");
    }

    /** The previous checkpoint, kept by every write (Pulumi's backend keeps the same file). */
    public Path backupFile() {
        return checkpointFile().resolveSibling(stack + ".json.bak");
    }

    public Path lockFile() {
        return stateDir.resolve(".pulumi").resolve("locks").resolve(project).resolve(stack + ".ivsstack.lock");
    }

    /** Whether the stack has a state (a checkpoint, or the backup of one). */
    public boolean exists() {
        return Files.exists(checkpointFile()) || Files.exists(backupFile());
    }

    public CheckpointCodec codec() {
        return codec;
    }

    /**
     * The stack's state: empty for a new stack (no checkpoint, or Pulumi's {@code stack init} checkpoint without a
     * deployment).
     *
     * @throws DamagedCheckpointException when the file is not a valid checkpoint, or is missing while its backup
     *                                    holds resources
     */
    public Snapshot load() {
        return load(false);
    }

    /**
     * @param rebuilding whether the caller rebuilds a lost state (import, which creates nothing): a missing checkpoint
     *                   is then an empty state, whatever its backup holds
     */
    public Snapshot load(boolean rebuilding) {
        Path file = checkpointFile();
        if (!Files.exists(file)) {
            if (!rebuilding) {
                refuseLostCheckpoint();
            }
            return Snapshot.EMPTY;
        }
        Reading reading = readLatest(file);
        if (reading.problem() != null) {
            throw new DamagedCheckpointException(file, reading.problem(), backupAdvice());
        }
        return reading.latest().map(codec::snapshot).orElse(Snapshot.EMPTY);
    }

    /** A stack whose checkpoint is gone but whose backup has resources was deployed: starting anew would duplicate it. */
    private void refuseLostCheckpoint() {
        Path backup = backupFile();
        if (!Files.exists(backup)) {
            return;
        }
        int resources = readLatest(backup).latest().map(CheckpointStore::resourceCount).orElse(0);
        if (resources > 0) {
            throw new DamagedCheckpointException(checkpointFile(), "it is missing, but the backup of the previous "
                    + "checkpoint holds " + resources + " resources (ivsstack import reads a missing checkpoint as "
                    + "empty); if the stack was removed on purpose (pulumi stack rm), delete " + backup
                    + " to start it anew", backupAdvice());
        }
    }

    /** What the restore advice says about the backup: how to put it back, or nothing when it is no better. */
    private String backupAdvice() {
        Path backup = backupFile();
        if (!Files.exists(backup)) {
            return null;
        }
        Reading reading = readLatest(backup);
        if (reading.problem() != null) {
            return null;
        }
        String written;
        try {
            written = Files.getLastModifiedTime(backup).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (IOException e) {
            written = "at an unknown time";
        }
        return "the previous checkpoint, " + backup + " (" + reading.latest().map(CheckpointStore::resourceCount).orElse(0)
                + " resources, written " + written + "), is valid; to go back to it, run:\n    cp '" + backup + "' '"
                + checkpointFile() + "'";
    }

    private static int resourceCount(JsonNode deployment) {
        return deployment.path("resources").size();
    }

    /** A checkpoint file read: its deployment (empty for a stack without one), or what is wrong with it. */
    private record Reading(Optional<JsonNode> latest, String problem) {
    }

    private Reading readLatest(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return problem("it is empty (" + bytes.length + " bytes)");
        }
        JsonNode root;
        try {
            root = CheckpointCodec.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return problem("it is not valid JSON (" + e.getOriginalMessage() + ", line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
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
        if (!checkpoint.isObject()) {
            return problem("its \"checkpoint\" is " + (checkpoint.isMissingNode() ? "missing" : checkpoint.toString()) + ", not an object");
        }
        if (!checkpoint.path("stack").isTextual() || checkpoint.path("stack").asText().isBlank()) {
            return problem("its \"checkpoint\" names no stack (checkpoint.stack)");
        }
        JsonNode latest = checkpoint.path("latest");
        if (latest.isMissingNode() || latest.isNull()) {
            // A stack created by `pulumi stack init` and never deployed (version 0 in older Pulumi CLIs).
            return version.intValue() >= 0 && version.intValue() <= 3 ? new Reading(Optional.empty(), null)
                    : problem("its version " + version.intValue() + " is not one ivsstack reads (3)");
        }
        if (version.intValue() != 3) {
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
     * Writes the checkpoint: the previous one becomes the backup, the new one is flushed to the disk and renamed
     * over it, and the directory is flushed (the rename itself reaches the disk). Resources unchanged since the
     * previous save are not encoded again, so a save during a deployment costs little more than writing the file.
     */
    public synchronized void save(Snapshot snapshot) {
        Path file = checkpointFile();
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            keepBackup(file);
            Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    written = codec.writeCheckpoint(out, organization + "/" + project + "/" + stack, snapshot, written);
                }
                // The writer closed the file; a sync through another descriptor flushes the same file's data.
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The current checkpoint becomes the backup. A checkpoint is never changed in place (each write renames a new
     * file over it), so a hard link holds the previous content without copying it.
     */
    private void keepBackup(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path backup = backupFile();
        Path tmp = backup.resolveSibling(backup.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createLink(tmp, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING); // a file system without hard links
        }
        Files.move(tmp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Flushes a directory's entries (the renames into it); file systems that cannot open a directory skip it. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; its file system journals the rename itself.
        }
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
}
