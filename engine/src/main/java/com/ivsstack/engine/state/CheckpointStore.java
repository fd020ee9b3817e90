package com.ivsstack.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Checkpoints on disk, in the layout of Pulumi's file backend ({@code <dir>/.pulumi/stacks/<project>/<stack>.json}),
 * so {@code pulumi login file://<dir>} reads them too. Every write goes to a temporary file and is renamed over the
 * checkpoint: a crash of the process leaves either the previous or the new checkpoint, never half of one.
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

    public Path lockFile() {
        return stateDir.resolve(".pulumi").resolve("locks").resolve(project).resolve(stack + ".ivsstack.lock");
    }

    public CheckpointCodec codec() {
        return codec;
    }

    public Snapshot load() {
        Path file = checkpointFile();
        if (!Files.exists(file)) {
            return Snapshot.EMPTY;
        }
        try {
            JsonNode root = CheckpointCodec.JSON.readTree(file.toFile());
            JsonNode latest = root.path("checkpoint").path("latest");
            if (latest.isMissingNode() || latest.isNull()) {
                return Snapshot.EMPTY;
            }
            return codec.snapshot(latest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the checkpoint (atomically). Resources unchanged since the previous save are not encoded again, so a
     * save during a deployment costs little more than writing the file.
     */
    public synchronized void save(Snapshot snapshot) {
        Path file = checkpointFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                written = codec.writeCheckpoint(out, organization + "/" + project + "/" + stack, snapshot, written);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
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
}
