package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.TestProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --plugin: the packaged pulumi-resource-ivs launched over the real handshake. The package exists once the provider
 * module has run its package phase (always in ./mvnw verify); a build that stops at test skips this test.
 */
class PluginBinaryTest {
    @TempDir
    Path dir;

    @Test
    void upAndDestroy_withThePluginBinary_againstTheLocalEndpoint() throws IOException {
        Optional<Path> plugin = packagedPlugin();
        assumeTrue(plugin.isPresent(), "provider/target/pulumi-resource-ivs-* is built by the provider's package phase");
        new TestProject(dir, new FakeCloud()).set("recording", "false");

        CliRunner.Run up = run(plugin.get(), "up", "--yes", "--skip-preview");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).contains("+ ivs:index:Channel main created", "+ ivs:index:StreamKey main-key created");

        CliRunner.Run destroy = run(plugin.get(), "destroy", "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(destroy.out()).contains("- ivs:index:Channel main deleted");
    }

    private static Optional<Path> packagedPlugin() throws IOException {
        Path target = Path.of("..", "provider", "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("pulumi-resource-ivs-"))
                    .filter(p -> Files.isExecutable(p.resolve("pulumi-resource-ivs"))).findFirst();
        }
    }

    private CliRunner.Run run(Path plugin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--plugin", plugin.toString()));
        return new LocalRun(dir, TestProject.classpath(), TestProgram.class.getName()).run(all.toArray(String[]::new));
    }
}
