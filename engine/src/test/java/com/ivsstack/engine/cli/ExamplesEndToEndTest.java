package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Every example of the repository through the CLI against the local endpoint: up, a preview with no changes,
 * a config edit whose preview shows exactly the properties it changes, up, destroy leaving the endpoint empty.
 * The example's sources are compiled here against the SDK of this build, so nothing has to be installed.
 */
class ExamplesEndToEndTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "live-channel|com.ivsstack.examples.livechannel.App|live-channel:recordingBucket: ivs-stack-dev-recordings|"
                    + "live-channel:recordingBucket: another-bucket|recordings.destinationConfiguration,live.recordingConfigurationArn",
            "private-channel|com.ivsstack.examples.privatechannel.App|    - GB|    - GB\\n    - DE|partner-sites.allowedCountries",
            "realtime-recording|com.ivsstack.examples.realtimerecording.App|storageBucket: ivs-stack-dev-compositions|"
                    + "storageBucket: another-bucket|composition-recordings.s3",
            "streaming-platform|com.ivsstack.examples.streamingplatform.App|latencyMode: LOW|latencyMode: NORMAL|creator-alice.latencyMode"})
    void example_upNoChangesEditUpDestroy_againstTheLocalEndpoint(String example, String mainClass, String from,
                                                                  String to, String expectedChanges,
                                                                  @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path project = copyProject(EXAMPLES.resolve(example), dir.resolve(example));
        String classpath = compile(EXAMPLES.resolve(example).resolve("src/main/java"), dir.resolve("classes"));
        Cli cli = new Cli(project, classpath, mainClass);

        CliRunner.Run up = cli.run("up", "--yes", "--skip-preview");
        assertThat(up.exitCode()).as("%s", up).isZero();
        assertThat(up.out()).doesNotContain("sk_");
        // Else the endpoint read after destroy could be empty because it is not the one the runs used.
        assertThat(endpointResources(project).values()).as("what up made, at the endpoint read after destroy")
                .anyMatch(count -> count > 0);
        assertThat(cli.run("preview", "--expect-no-changes").exitCode()).isZero();

        Path stackFile = project.resolve("Pulumi.dev.yaml");
        String config = Files.readString(stackFile);
        assertThat(config).contains(from);
        Files.writeString(stackFile, config.replaceFirst(java.util.regex.Pattern.quote(from), to.replace("\\n", "\n")));
        CliRunner.Run edited = cli.run("preview", "--format", "json", "--expect-no-changes");
        assertThat(edited.exitCode()).as("%s", edited).isEqualTo(IvsStackCli.EXIT_CHANGES);
        assertThat(changedProperties(edited.out())).containsExactlyInAnyOrder(expectedChanges.split(","));

        CliRunner.Run apply = cli.run("up", "--yes", "--skip-preview");
        assertThat(apply.exitCode()).as("%s", apply).isZero();
        assertThat(apply.out()).contains("Resources:");

        CliRunner.Run destroy = cli.run("destroy", "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertEndpointEmpty(project);
    }

    /** name.property for every changed property of every step that is not "same". */
    private static Set<String> changedProperties(String json) throws IOException {
        Set<String> changes = new TreeSet<>();
        for (JsonNode step : new ObjectMapper().readTree(json).path("steps")) {
            for (JsonNode d : step.path("detailedDiff")) {
                String path = d.path("path").asText();
                changes.add(step.path("name").asText() + "." + path.split("[.\\[]")[0]);
            }
        }
        return changes;
    }

    private static void assertEndpointEmpty(Path project) {
        assertThat(endpointResources(project)).hasSize(12).allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
    }

    /** The resources of each kind that the project's local endpoint holds, in the regions the examples use. */
    private static Map<String, Integer> endpointResources(Path project) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (IvsEmulator emulator = IvsEmulator.builder().port(0)
                .dataFile(project.resolve(".ivsstack").resolve(IvsProviderSetup.LOCAL_ENDPOINT_FILE)).build().start()) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            for (Region region : List.of(Region.US_EAST_1, Region.US_WEST_2)) {
                try (IvsClient ivs = IvsClient.builder().endpointOverride(emulator.endpoint()).region(region)
                        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
                     IvsRealTimeClient realtime = IvsRealTimeClient.builder().endpointOverride(emulator.endpoint())
                             .region(region).credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
                    counts.put(region + " channels", ivs.listChannels(b -> { }).channels().size());
                    counts.put(region + " recording configurations",
                            ivs.listRecordingConfigurations(b -> { }).recordingConfigurations().size());
                    counts.put(region + " playback key pairs", ivs.listPlaybackKeyPairs(b -> { }).keyPairs().size());
                    counts.put(region + " playback restriction policies",
                            ivs.listPlaybackRestrictionPolicies(b -> { }).playbackRestrictionPolicies().size());
                    counts.put(region + " encoder configurations",
                            realtime.listEncoderConfigurations(b -> { }).encoderConfigurations().size());
                    counts.put(region + " storage configurations",
                            realtime.listStorageConfigurations(b -> { }).storageConfigurations().size());
                }
            }
        }
        return counts;
    }

    private static Path copyProject(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static String compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", TestProject.classpath(), "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(code).as("compiling %s:\n%s", sources, errors).isZero();
        return classes + java.io.File.pathSeparator + TestProject.classpath();
    }

    private record Cli(Path project, String classpath, String mainClass) {
        CliRunner.Run run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--local", "--cwd", project.toString(), "--program-classpath", classpath,
                    "--main-class", mainClass));
            IvsStackCli cli = new IvsStackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                    TestProject.environment(), new IvsProviderSetup(), false);
            int code = IvsStackCli.commandLine(cli).execute(all.toArray(String[]::new));
            CliRunner.Run run = new CliRunner.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + run);
            return run;
        }
    }

}
