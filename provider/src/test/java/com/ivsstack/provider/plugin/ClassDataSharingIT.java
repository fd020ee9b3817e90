package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data sharing: the first start of an installed plugin trains an archive in the background,
 * moves it into place only when complete, and every later start maps it.
 */
class ClassDataSharingIT {

    private static final String ARCHIVE = "pulumi-resource-ivs.jsa";

    @Test
    void firstStart_writableInstallDirectory_trainsAnArchiveThatTheNextStartMaps(@TempDir Path install) throws Exception {
        unpack(install);

        try (var first = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"), Map.of(), "127.0.0.1:1")) {
            first.stub().getPluginInfo(Empty.getDefaultInstance());
        }
        Path archive = install.resolve(ARCHIVE);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!Files.exists(archive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        while (Files.exists(install.resolve(ARCHIVE + ".lock")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(archive).isRegularFile();
        assertThat(install.resolve(ARCHIVE + ".tmp")).doesNotExist();
        assertThat(install.resolve(ARCHIVE + ".lock")).doesNotExist();
        try (var next = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"), Map.of(), "127.0.0.1:1")) {
            next.stub().getPluginInfo(Empty.getDefaultInstance());
            assertThat(Files.readString(Path.of("/proc/" + next.pid() + "/maps"))).contains(archive.toString());
            assertThat(next.stderr()).isEmpty();
        }
    }

    @Test
    void start_archiveOlderThanTheJar_startsWithoutItAndTrainsANewOne(@TempDir Path install) throws Exception {
        unpack(install);
        Path archive = install.resolve(ARCHIVE);
        Files.writeString(archive, "an archive of an earlier build of the plugin");
        var jarTime = Files.getLastModifiedTime(install.resolve("pulumi-resource-ivs.jar")).toMillis();
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(jarTime - 3_600_000));

        try (var first = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"), Map.of(), "127.0.0.1:1")) {
            first.stub().getPluginInfo(Empty.getDefaultInstance());
            assertThat(Files.readString(Path.of("/proc/" + first.pid() + "/maps"))).doesNotContain(archive.toString());
            assertThat(first.stderr()).isEmpty();
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        while ((Files.exists(install.resolve(ARCHIVE + ".lock")) || Files.size(archive) < 1024)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        try (var next = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"), Map.of(), "127.0.0.1:1")) {
            next.stub().getPluginInfo(Empty.getDefaultInstance());
            assertThat(Files.readString(Path.of("/proc/" + next.pid() + "/maps"))).contains(archive.toString());
            assertThat(next.stderr()).isEmpty();
        }
    }

    @Test
    void start_javaOptionsGiven_makesNoArchive(@TempDir Path install) throws Exception {
        unpack(install);

        try (var plugin = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"),
                Map.of("PULUMI_IVS_JAVA_OPTS", "-XX:+UseSerialGC"), "127.0.0.1:1")) {
            plugin.stub().getPluginInfo(Empty.getDefaultInstance());
        }

        assertThat(install.resolve(ARCHIVE + ".lock")).doesNotExist();
        assertThat(install.resolve(ARCHIVE)).doesNotExist();
    }

    private static void unpack(Path into) throws Exception {
        Process tar = new ProcessBuilder("tar", "-xzf", InstalledPlugin.tarball().toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor()).as(output).isZero();
    }
}
