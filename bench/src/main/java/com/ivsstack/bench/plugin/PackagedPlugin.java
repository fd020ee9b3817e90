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
     * The first start after installation, as a user's first {@code pulumi up} makes it: the launcher trains the
     * class-data sharing archive in the background; waits until it is in place. Returns the seconds that took, or -1
     * when the launcher made none (read-only directory, or PULUMI_IVS_JAVA_OPTS set).
     */
    public static double firstStart(Path pluginDirectory) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (PluginProcess plugin = PluginProcess.start(pluginDirectory, CallStrategy.OURS)) {
            Path archive = pluginDirectory.resolve("pulumi-resource-ivs.jsa");
            Path lock = pluginDirectory.resolve("pulumi-resource-ivs.jsa.lock");
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!Files.exists(archive) && Files.exists(lock) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return Files.exists(archive) ? (System.nanoTime() - started) / 1e9 : -1;
        }
    }

    /** Unpacks the tarball into a new temporary directory (the plugin's install directory) and returns it. */
    public static Path unpack(Path tarball) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ivs-bench-plugin");
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + tarball + ": " + output);
        }
        return directory;
    }
}
