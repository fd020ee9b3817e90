package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.ConfigureErrorMissingKeys;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.GetSchemaRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.ivsstack.provider.plugin.EngineDriver.str;
import static com.ivsstack.provider.plugin.EngineDriver.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaged launcher as a process: the port line, stdout discipline, schema, version, configuration errors. */
class PluginProcessIT {

    @Test
    void launcher_withPulumiArguments_printsOnlyThePortOnStdout() throws Exception {
        try (var engine = new EngineLogRecorder()) {
            var plugin = InstalledPlugin.start(Map.of(),
                    "--logtostderr", "-v=9", "--tracing", "127.0.0.1:1", "--logflow", engine.address());
            System.out.printf("plugin port on stdout after %d ms (JVM start included)%n", plugin.millisToPort());
            var driver = new EngineDriver(plugin.stub(), "dev");

            driver.load(engine.address());
            plugin.stub().getSchema(GetSchemaRequest.getDefaultInstance());
            // Verbose logging, a configure and a failing call: the busiest stderr we can provoke.
            driver.configure(struct("endpoint", str("http://127.0.0.1:9"), "region", str("us-west-2")), false);
            assertThatThrownBy(() -> plugin.stub().check(pulumirpc.Provider.CheckRequest.newBuilder()
                    .setUrn(driver.urn("ivs:index:Nope", "x")).build()))
                    .isInstanceOf(StatusRuntimeException.class);
            plugin.stub().cancel(Empty.getDefaultInstance());

            byte[] restOfStdout = plugin.stopAndCollectStdout();
            assertThat(new String(restOfStdout, StandardCharsets.UTF_8)).isEmpty();
            assertThat(plugin.port()).isBetween(1, 65535);
        }
    }

    @Test
    void launcher_calledThroughSymlinksFromElsewhere_findsItsJar() throws Exception {
        Path bin = Files.createTempDirectory("bin");
        Path relativeLink = bin.resolve("pulumi-resource-ivs-relative");
        Files.createSymbolicLink(relativeLink, bin.relativize(InstalledPlugin.pluginDirectory().resolve("pulumi-resource-ivs")));
        Path linkToLink = bin.resolve("pulumi-resource-ivs");
        Files.createSymbolicLink(linkToLink, relativeLink.getFileName());

        try (var plugin = InstalledPlugin.start(linkToLink, Map.of(), "127.0.0.1:1")) {
            assertThat(plugin.stub().getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo("0.1.0");
        }
    }

    @Test
    void tarball_layout_isTheLauncherAtTheRootAndTheRuntimeBesideIt() throws Exception {
        Path directory = InstalledPlugin.pluginDirectory();

        assertThat(InstalledPlugin.tarball().getFileName().toString())
                .matches("pulumi-resource-ivs-v0\\.1\\.0-(linux|darwin|windows)-(amd64|arm64)\\.tar\\.gz");
        try (var root = Files.list(directory)) {
            assertThat(root.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pulumi-resource-ivs", "runtime");
        }
        assertThat(Files.isExecutable(directory.resolve("pulumi-resource-ivs"))).isTrue();
        assertThat(Files.isExecutable(directory.resolve("runtime/bin/java"))).isTrue();
        assertThat(directory.resolve("runtime/lib/server/classes.jsa")).isRegularFile();
    }

    @Test
    void runtime_modules_areThePluginAndOnlyTheJdkModulesItNeeds() throws Exception {
        Process listing = new ProcessBuilder(InstalledPlugin.pluginDirectory().resolve("runtime/bin/java").toString(),
                "--list-modules").redirectErrorStream(true).start();
        String modules = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(listing.waitFor()).as(modules).isZero();

        assertThat(modules.lines().map(line -> line.replaceFirst("[@ ].*", "")))
                .contains("com.ivsstack.plugin", "java.base", "java.logging", "jdk.unsupported", "jdk.crypto.ec")
                .doesNotContain("java.desktop", "jdk.compiler", "jdk.jlink", "java.se");
    }

    @Test
    void launcher_noJavaHomeAndNoJavaOnPath_runsOnTheTarballsOwnRuntime() throws Exception {
        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            assertThat(plugin.stub().getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo("0.1.0");

            Path executable = Path.of("/proc/" + plugin.pid() + "/exe").toRealPath();
            assertThat(executable).isEqualTo(InstalledPlugin.pluginDirectory().resolve("runtime/bin/java").toRealPath());
            assertThat(InstalledPlugin.pathWithoutJava().resolve("java")).doesNotExist();
        }
    }

    @Test
    void getSchema_always_isSchemaJsonByteForByte() throws Exception {
        byte[] schemaJson = Files.readAllBytes(Path.of(System.getProperty("ivs.plugin.schema")));
        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            String schema = plugin.stub().getSchema(GetSchemaRequest.newBuilder().setVersion(0).build()).getSchema();

            assertThat(schema.getBytes(StandardCharsets.UTF_8)).isEqualTo(schemaJson);
        }
    }

    @Test
    void getPluginInfo_always_isTheBuildsSemver() throws Exception {
        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            String version = plugin.stub().getPluginInfo(Empty.getDefaultInstance()).getVersion();

            assertThat(version).isEqualTo("0.1.0").matches("[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?");
        }
    }

    @Test
    void configure_awsWithoutRegionAnywhere_failsWithMissingKeysNamingRegion() throws Exception {
        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            StatusRuntimeException failure = null;
            try {
                plugin.stub().configure(ConfigureRequest.newBuilder()
                        .setArgs(struct("version", str("0.1.0"))).setAcceptSecrets(true).setAcceptResources(true)
                        .build());
            } catch (StatusRuntimeException expected) {
                failure = expected;
            }

            assertThat(failure).as("Configure without a region must fail").isNotNull();
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            var missing = StatusProto.fromThrowable(failure).getDetails(0).unpack(ConfigureErrorMissingKeys.class);
            assertThat(missing.getMissingKeysList()).extracting(ConfigureErrorMissingKeys.MissingKey::getName)
                    .contains("region");
            assertThat(missing.getMissingKeysList()).allSatisfy(key -> assertThat(key.getDescription()).isNotBlank());
        }
    }

    @Test
    void configure_awsRegionButNoCredentialsAnywhere_failsWithMissingKeysNamingAccessKeyAndSecretKey() throws Exception {
        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            var failure = org.assertj.core.api.Assertions.catchThrowableOfType(() -> plugin.stub().configure(
                    ConfigureRequest.newBuilder().setArgs(struct("region", str("us-west-2")))
                            .setAcceptSecrets(true).setAcceptResources(true).build()), StatusRuntimeException.class);

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            var missing = StatusProto.fromThrowable(failure).getDetails(0).unpack(ConfigureErrorMissingKeys.class);
            assertThat(missing.getMissingKeysList()).extracting(ConfigureErrorMissingKeys.MissingKey::getName)
                    .containsExactly("accessKey", "secretKey");
            assertThat(missing.getMissingKeys(0).getDescription()).contains("ivs:accessKey and ivs:secretKey");
        }
    }
}
