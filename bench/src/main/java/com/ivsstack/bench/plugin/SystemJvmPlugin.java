package com.ivsstack.bench.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline of the startup figures: the same plugin as the plugin was shipped before it carried a runtime, on the
 * machine's JVM (the one running the benchmark). The plugin jar and its libraries from provider/target, a dynamic
 * class-data sharing archive trained by {@code ClassDataTraining} as that launcher trained it at the first start, and a
 * launcher in the same directory layout that starts the system {@code java} with the bundled launcher's JVM options and
 * that archive.
 */
public final class SystemJvmPlugin {

    private static final Pattern LAUNCHER_OPTIONS = Pattern.compile("(?m)^options=\"([^\"]*)\"$");
    private static volatile Path installed;

    private SystemJvmPlugin() {
    }

    /** Installs it into a new temporary directory (the directory {@link PluginProcess#start} takes) and returns it. */
    public static Path install(Path providerTarget, Path bundledPlugin) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("ivs-bench-plugin-system-jvm");
        Path jar = directory.resolve("pulumi-resource-ivs.jar");
        Files.copy(pluginJar(providerTarget), jar);
        Path lib = Files.createDirectories(directory.resolve("lib"));
        try (Stream<Path> libraries = Files.list(providerTarget.resolve("plugin-lib"))) {
            for (Path library : libraries.toList()) {
                Files.copy(library, lib.resolve(library.getFileName()));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> options = launcherOptions(bundledPlugin);
        Path archive = directory.resolve("pulumi-resource-ivs.jsa");
        var training = new ArrayList<>(List.of(java, "-Xlog:disable", "-XX:ArchiveClassesAtExit=" + archive));
        training.addAll(options);
        training.addAll(List.of("-cp", jar.toString(), "com.ivsstack.provider.grpc.ClassDataTraining"));
        Process process = new ProcessBuilder(training).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("training the system JVM's archive failed: " + output);
        }
        Path launcher = directory.resolve("pulumi-resource-ivs");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -Xlog:disable -Xlog:all=warning:stderr "
                + String.join(" ", options) + " -XX:SharedArchiveFile='" + archive + "' -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        installed = directory;
        return directory;
    }

    /** The directory of the last {@link #install}: the plugin as a jar with its libraries, which the baseline runs. */
    static Path installed() {
        if (installed == null) {
            throw new IllegalStateException("the system JVM plugin is not installed yet: call install first");
        }
        return installed;
    }

    private static Path pluginJar(Path providerTarget) throws IOException {
        try (Stream<Path> files = Files.list(providerTarget)) {
            return files.filter(p -> p.getFileName().toString().matches("ivs-provider-.*-plugin\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ivs-provider-*-plugin.jar in " + providerTarget
                            + "; build it first: ./mvnw -B -Pbench -DskipTests package"));
        }
    }

    /** The JVM options of the bundled plugin's launcher, so that both start with the same ones. */
    private static List<String> launcherOptions(Path bundledPlugin) throws IOException {
        Matcher options = LAUNCHER_OPTIONS.matcher(Files.readString(bundledPlugin.resolve("pulumi-resource-ivs")));
        if (!options.find()) {
            throw new IllegalStateException("no options=\"...\" line in the launcher of " + bundledPlugin);
        }
        return List.of(options.group(1).trim().split("\\s+"));
    }
}
