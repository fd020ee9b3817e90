package com.ivsstack.bench.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the tarball that {@code ./mvnw package} made in provider/target and unpacks it, as Pulumi installs it. */
public final class PackagedPlugin {

    private PackagedPlugin() {
    }

    /** The tarball given, or the one in {@code <repository>/provider/target}. */
    public static Path tarball(Path repository, String given) throws IOException {
        if (given != null) {
            return Path.of(given);
        }
        Path target = repository.resolve("provider").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("pulumi-resource-ivs-v.*\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pulumi-resource-ivs-v*.tar.gz in " + target
                            + "; build it first: ./mvnw -B -Pbench -DskipTests package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + target + "; build first: ./mvnw -B -Pbench -DskipTests package", e);
        }
    }

    /**
     * Unpacks the tarball into a new temporary directory (the plugin's install directory) as Pulumi's installer does
     * (every file's time the time of unpacking) and returns it.
     */
    public static Path unpack(Path tarball) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ivs-bench-plugin");
        Process tar = new ProcessBuilder("tar", "-xzmf", tarball.toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + tarball + ": " + output);
        }
        return directory;
    }
}
