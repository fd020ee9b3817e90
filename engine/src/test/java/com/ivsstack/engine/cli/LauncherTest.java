package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ivsstack} launcher and its class-data sharing archive: made by the first preview or up
 * after a build, used while newer than the jar, made again after the jar changes. Runs the real script on a copy
 * of the repository layout whose CLI jar is a one-class program (the archive does not care which classes it holds).
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("..", "ivsstack").toAbsolutePath().normalize();

    @TempDir
    Path root;
    Path jar;
    Path archive;

    record Run(int exitCode, String output) {
    }

    @BeforeEach
    void layout() throws Exception {
        Files.copy(SCRIPT, root.resolve("ivsstack"));
        Path target = Files.createDirectories(root.resolve("engine").resolve("target"));
        jar = target.resolve("ivs-engine-0.1.0.jar");
        archive = target.resolve("ivsstack.jsa");
        Path sources = Files.createDirectories(root.resolve("src"));
        Files.writeString(sources.resolve("Cli.java"),
                "public class Cli { public static void main(String[] a) { System.out.println(\"ran \" + String.join(\" \", a)); } }");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", sources.toString(), sources.resolve("Cli.java").toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Cli");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Cli.class"));
            out.write(Files.readAllBytes(sources.resolve("Cli.class")));
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void preview_firstAfterBuild_makesTheArchiveWhichTheNextCommandMaps() throws Exception {
        Run first = ivsstack(Map.of(), "preview", "--stack", "dev");

        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).contains("ran preview --stack dev");
        assertThat(archive).exists();
        // -Xshare:on makes the JVM fail instead of starting without an archive it cannot map.
        Run next = ivsstack(Map.of("IVSSTACK_JAVA_OPTS", "-Xshare:on"), "stack", "output");
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.output()).contains("ran stack output");
    }

    @Test
    void preview_afterTheJarChanged_makesTheArchiveAgain() throws Exception {
        ivsstack(Map.of(), "up", "--yes");
        // The archive was made, then the jar rebuilt.
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(30)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(10)));

        Run rebuilt = ivsstack(Map.of(), "preview");

        assertThat(rebuilt.exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Files.getLastModifiedTime(jar).toInstant());
        assertThat(ivsstack(Map.of("IVSSTACK_JAVA_OPTS", "-Xshare:on"), "preview").exitCode()).isZero();
    }

    @Test
    void otherCommands_noArchiveYet_runWithoutMakingOne() throws Exception {
        Run version = ivsstack(Map.of(), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).contains("ran --version");
        assertThat(archive).doesNotExist();
    }

    @Test
    void preview_withoutClassDataSharing_makesNoArchive() throws Exception {
        Run run = ivsstack(Map.of("IVSSTACK_NO_CDS", "1"), "preview");

        assertThat(run.exitCode()).isZero();
        assertThat(archive).doesNotExist();
    }

    private Run ivsstack(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("ivsstack").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("IVSSTACK_JAVA_OPTS");
        builder.environment().remove("IVSSTACK_NO_CDS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Run run = new Run(process.waitFor(), output);
        System.out.println("$ ivsstack " + String.join(" ", args) + " " + environment + "\n" + output);
        return run;
    }
}
