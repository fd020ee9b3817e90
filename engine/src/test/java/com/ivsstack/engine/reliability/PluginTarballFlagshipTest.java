package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ivsstack.emulator.IvsEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * The flagship example through {@code ivsstack --plugin} on the plugin tarball, unpacked into an empty directory, on a
 * machine where the plugin finds no Java: the CLI runs in its own JVM (named by its path) with no {@code JAVA_HOME}
 * and a {@code PATH} that holds nothing, so the plugin it starts has only the runtime of its tarball. The tarball is
 * built by the provider module's package phase (always before this module in ./mvnw verify); a build without it
 * skips this test.
 */
class PluginTarballFlagshipTest {
    private static final int CREATORS = 2;

    @TempDir
    Path dir;

    @Test
    void upAndDestroyOfTheFlagship_throughTheUnpackedTarballWithNoJavaAround_matchTheEndpoint() throws Exception {
        Optional<Path> tarball = pluginTarball();
        assumeTrue(tarball.isPresent(), "provider/target/pulumi-resource-ivs-*.tar.gz is built by the provider's package phase");
        Path plugin = unpack(tarball.get(), Files.createDirectories(dir.resolve("plugin")));
        Path emptyPath = Files.createDirectories(dir.resolve("empty-path"));

        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), CREATORS);

            String up = runWithoutJava(stack, emptyPath, "up", "--yes", "--skip-preview", "--plugin", plugin.toString());
            assertThat(up).contains("ivs:index:Channel", "created").doesNotContain("sk_");
            stack.assertMatchesEndpoint(ivs, CREATORS);

            runWithoutJava(stack, emptyPath, "destroy", "--yes", "--plugin", plugin.toString());
            stack.assertMatchesEndpoint(ivs, 0);
        }
    }

    /** Runs the CLI in its own JVM with no JAVA_HOME and an empty PATH; returns its output, failing unless it exits 0. */
    private String runWithoutJava(FlagshipStack stack, Path emptyPath, String... args) throws Exception {
        Path log = dir.resolve(args[0] + ".log");
        ProcessBuilder builder = stack.process(args).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", emptyPath.toString());
        Process cli = builder.start();
        try {
            assertThat(cli.waitFor(5, TimeUnit.MINUTES)).as("ivsstack %s ended", args[0]).isTrue();
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
        byte[] output = Files.readAllBytes(log);
        String printed = new String(output, StandardCharsets.UTF_8);
        System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + printed);
        assertThat(cli.exitValue()).as("ivsstack %s:\n%s", String.join(" ", args), printed).isZero();
        return printed;
    }

    private static Optional<Path> pluginTarball() throws IOException {
        Path target = Path.of("..", "provider", "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.filter(p -> p.getFileName().toString().matches("pulumi-resource-ivs-v.*\\.tar\\.gz")).findFirst();
        }
    }

    /** As Pulumi's installer does: modes kept, every file's time the time of unpacking. */
    private static Path unpack(Path tarball, Path into) throws Exception {
        Process tar = new ProcessBuilder(List.of("tar", "-xzmf", tarball.toString(), "-C", into.toString()))
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as("unpacking %s: %s", tarball, output).isZero();
        assertThat(into.resolve("pulumi-resource-ivs")).isExecutable();
        return into;
    }
}
