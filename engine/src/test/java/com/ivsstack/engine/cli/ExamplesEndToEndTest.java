package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
            "realtime-stage|com.ivsstack.examples.realtimestage.App|recordingBucket: ivs-stack-dev-participant-recordings|"
                    + "recordingBucket: another-bucket|participant-recordings.s3,studio.autoParticipantRecordingConfiguration",
            "streaming-platform|com.ivsstack.examples.streamingplatform.App|latencyMode: LOW|latencyMode: NORMAL|creator-alice.latencyMode"})
    void example_upNoChangesEditUpDestroy_againstTheLocalEndpoint(String example, String mainClass, String from,
                                                                  String to, String expectedChanges,
                                                                  @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path project = copyProject(EXAMPLES.resolve(example), dir.resolve(example));
        String classpath = compile(EXAMPLES.resolve(example).resolve("src/main/java"), dir.resolve("classes"));
        LocalRun cli = new LocalRun(project, classpath, mainClass);

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

    /**
     * A live session on the example's stage (a participant joined, the broadcaster's encoder publishing, through the
     * local endpoint's admin API between runs): a preview that would replace the ingest configuration warns before
     * anything runs; destroy deletes nothing and names the stage, its session and the participant count; once the
     * stack's provider has ivs:disconnectParticipants, destroy disconnects them and deletes everything.
     */
    @org.junit.jupiter.api.Test
    void realtimeStage_liveSession_previewWarnsDestroyRefusesUntilDisconnectParticipants(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path project = copyProject(EXAMPLES.resolve("realtime-stage"), dir.resolve("realtime-stage"));
        String classpath = compile(EXAMPLES.resolve("realtime-stage").resolve("src/main/java"), dir.resolve("classes"));
        LocalRun cli = new LocalRun(project, classpath, "com.ivsstack.examples.realtimestage.App");
        assertThat(cli.run("up", "--yes", "--skip-preview").exitCode()).isZero();
        String stage;
        String session;
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            var realtime = endpoint.realTime(Region.US_WEST_2);
            stage = realtime.listStages(b -> { }).stages().get(0).arn();
            endpoint.emulator().admin().joinParticipant(stage);
            endpoint.emulator().admin().startPublishing(realtime.listIngestConfigurations(b -> { }).ingestConfigurations().get(0).arn());
            session = realtime.getStage(b -> b.arn(stage)).stage().activeSessionId();
        }
        Path stackFile = project.resolve("Pulumi.dev.yaml");
        String config = Files.readString(stackFile);

        Files.writeString(stackFile, config.replace("broadcaster: studio-encoder", "broadcaster: backup-encoder"));
        CliRunner.Run preview = cli.run("preview");
        assertThat(preview.exitCode()).as("%s", preview).isZero();
        assertThat(preview.out()).contains("replacing IVS IngestConfiguration (").contains("an encoder is publishing with it "
                + "into stage " + stage + ", which has 2 participants connected in session " + session)
                .contains("disconnectParticipants: true");
        Files.writeString(stackFile, config);

        CliRunner.Run refused = cli.run("destroy", "--yes");
        assertThat(refused.exitCode()).as("%s", refused).isNotZero();
        assertThat(refused.out() + refused.err()).contains("deleting IVS Stage (" + stage + "): stage " + stage + " has 2 "
                + "participants connected in session " + session).contains("disconnectParticipants: true");
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            assertThat(endpoint.realTime(Region.US_WEST_2).listStages(b -> { }).stages()).as("nothing was deleted").hasSize(1);
            assertThat(endpoint.realTime(Region.US_WEST_2).listPublicKeys(b -> { }).publicKeys()).hasSize(1);
        }

        // destroy runs with the provider configuration of the state, as under the Pulumi CLI: an up records the option
        Files.writeString(stackFile, config.replace("  ivs:region: us-west-2\n", "  ivs:region: us-west-2\n  ivs:disconnectParticipants: true\n"));
        assertThat(cli.run("up", "--yes", "--skip-preview").exitCode()).isZero();
        CliRunner.Run destroyed = cli.run("destroy", "--yes");
        assertThat(destroyed.exitCode()).as("%s", destroyed).isZero();
        assertThat(destroyed.out()).contains("disconnectParticipants is true");
        assertEndpointEmpty(project);
    }

    /** Nothing of any resource type of schema.json is left, in either region the examples use. */
    private static void assertEndpointEmpty(Path project) throws Exception {
        var resources = endpointResources(project);
        assertThat(resources).as("a count for every resource type of schema.json in each region")
                .hasSize(2 * BundledSchema.load().resourceTokens().size())
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
    }

    /** How many resources of each type of schema.json the project's local endpoint holds, per region the examples use. */
    private static Map<String, Integer> endpointResources(Path project) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (LocalEndpoint endpoint = new LocalEndpoint(project)) {
            for (Region region : List.of(Region.US_EAST_1, Region.US_WEST_2)) {
                IvsClient ivs = endpoint.ivs(region);
                IvsRealTimeClient realtime = endpoint.realTime(region);
                Map<String, Supplier<List<?>>> listings = Map.of(
                        "ivs:index:Channel", () -> ivs.listChannels(b -> { }).channels(),
                        // a stream key belongs to a channel: with the channels gone, so are their keys
                        "ivs:index:StreamKey", () -> ivs.listChannels(b -> { }).channels().stream()
                                .flatMap(c -> ivs.listStreamKeys(b -> b.channelArn(c.arn())).streamKeys().stream()).toList(),
                        "ivs:index:RecordingConfiguration", () -> ivs.listRecordingConfigurations(b -> { }).recordingConfigurations(),
                        "ivs:index:PlaybackKeyPair", () -> ivs.listPlaybackKeyPairs(b -> { }).keyPairs(),
                        "ivs:index:PlaybackRestrictionPolicy", () -> ivs.listPlaybackRestrictionPolicies(b -> { })
                                .playbackRestrictionPolicies(),
                        "ivs:realtime:EncoderConfiguration", () -> realtime.listEncoderConfigurations(b -> { }).encoderConfigurations(),
                        "ivs:realtime:StorageConfiguration", () -> realtime.listStorageConfigurations(b -> { }).storageConfigurations(),
                        "ivs:realtime:Stage", () -> realtime.listStages(b -> { }).stages(),
                        "ivs:realtime:IngestConfiguration", () -> realtime.listIngestConfigurations(b -> { }).ingestConfigurations(),
                        "ivs:realtime:PublicKey", () -> realtime.listPublicKeys(b -> { }).publicKeys());
                assertThat(listings.keySet()).as("a listing for every resource type of schema.json")
                        .containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
                listings.forEach((token, listing) -> counts.put(region + " " + token, listing.get().size()));
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
}
