package com.ivsstack.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The state file behind {@code --data}: read once at start, replaced atomically after every change. */
final class StateFile {
    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    Optional<JsonNode> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonDocuments.MAPPER.readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state file " + path + ": " + e.getMessage()
                    + "; fix or delete the file to start empty", e);
        }
    }

    /** Writes a temporary file next to the target, then moves it over the target in one step. */
    void save(JsonNode state) {
        try {
            Path parent = path.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
            try {
                JsonDocuments.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state file " + path + ": " + e.getMessage(), e);
        }
    }
}
