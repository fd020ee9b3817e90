package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's class-data sharing archive, made when the plugin was built: every start maps it, the first start after
 * unpacking (with the files' times of the unpacking, as Pulumi's installer leaves them) included, and nothing is
 * written into the install directory.
 */
class ClassDataSharingIT {

    private static final String ARCHIVE = "runtime/lib/server/classes.jsa";

    @Test
    void firstStart_freshlyUnpackedElsewhere_mapsTheArchiveMadeAtBuildTimeAndWritesNothing(@TempDir Path install)
            throws Exception {
        InstalledPlugin.unpack(install);
        List<Path> unpacked = files(install);

        try (var first = InstalledPlugin.start(install.resolve("pulumi-resource-ivs"), Map.of(), "127.0.0.1:1")) {
            first.stub().getPluginInfo(Empty.getDefaultInstance());

            assertThat(Files.readString(Path.of("/proc/" + first.pid() + "/maps")))
                    .contains(install.resolve(ARCHIVE).toRealPath().toString());
            assertThat(first.stderr()).isEmpty();
        }
        assertThat(files(install)).isEqualTo(unpacked);
    }

    @Test
    void start_javaOptionsGiven_stillMapsTheArchive() throws Exception {
        try (var plugin = InstalledPlugin.start(Map.of("PULUMI_IVS_JAVA_OPTS", "-Xshare:on -XX:+UseSerialGC"),
                "127.0.0.1:1")) {
            plugin.stub().getPluginInfo(Empty.getDefaultInstance());

            assertThat(Files.readString(Path.of("/proc/" + plugin.pid() + "/maps")))
                    .contains(InstalledPlugin.pluginDirectory().resolve(ARCHIVE).toRealPath().toString());
        }
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.sorted().toList();
        }
    }
}
