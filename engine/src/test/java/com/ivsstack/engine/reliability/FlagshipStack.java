package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.cli.IvsProviderSetup;
import com.ivsstack.engine.cli.IvsStackCli;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationSummary;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

/**
 * The flagship example (examples/streaming-platform) as a stack of N creators pointed at a local endpoint the test
 * owns (so it can inject faults and count requests): its sources compiled once per test JVM against this build's
 * SDK, the CLI run in-process or as a separate JVM (to be killed), and the state compared with the endpoint.
 */
final class FlagshipStack {
    static final String MAIN_CLASS = "com.ivsstack.examples.streamingplatform.App";
    static final String REGION = "us-west-2";
    private static final Path EXAMPLE = Path.of("..", "examples", "streaming-platform").toAbsolutePath().normalize();
    private static String programClasspath;

    private final Path directory;
    private final String stack;
    /** The state backend's URL, or null for the project's own directory. */
    private String backend;

    FlagshipStack(Path directory, URI endpoint, int creators) {
        this(directory, endpoint, creators, "dev", "");
    }

    /** {@code extraConfig}: more lines under {@code config:} of the stack file, each indented by two spaces. */
    FlagshipStack(Path directory, URI endpoint, int creators, String stack, String extraConfig) {
        this.directory = directory;
        this.stack = stack;
        try {
            Files.createDirectories(directory);
            Files.copy(EXAMPLE.resolve("Pulumi.yaml"), directory.resolve("Pulumi.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve("Pulumi." + stack + ".yaml"), stackConfig(endpoint, creators, extraConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creators alternate latency, type and recording so every channel property and both recording cases occur. */
    private static String stackConfig(URI endpoint, int creators, String extraConfig) {
        String[] types = {"STANDARD", "BASIC", "ADVANCED_SD", "ADVANCED_HD"};
        StringBuilder yaml = new StringBuilder("config:\n")
                .append("  ivs:endpoint: ").append(endpoint).append('\n')
                .append("  ivs:region: ").append(REGION).append('\n')
                .append("  streaming-platform:recordingBucket: ivs-stack-reliability-vods\n")
                .append("  streaming-platform:tags:\n    team: live-video\n    environment: reliability\n")
                .append(extraConfig)
                .append("  streaming-platform:creators:\n");
        for (int i = 0; i < creators; i++) {
            yaml.append("    - name: creator").append(i).append('\n')
                    .append("      latencyMode: ").append(i % 2 == 0 ? "LOW" : "NORMAL").append('\n')
                    .append("      channelType: ").append(types[i % types.length]).append('\n')
                    .append("      record: ").append(i % 3 == 0).append('\n');
        }
        return yaml.toString();
    }

    Path directory() {
        return directory;
    }

    /** Keeps the stack's state on this backend (a URL as --backend takes it) instead of the project's directory. */
    FlagshipStack onBackend(String url) {
        this.backend = url;
        return this;
    }

    /** Replaces the creators list of the stack file ({@code yaml}: its items, each line indented by four spaces). */
    void rewriteCreators(String yaml) {
        Path file = directory.resolve("Pulumi." + stack + ".yaml");
        try {
            String config = Files.readString(file);
            String key = "  streaming-platform:creators:\n";
            Files.writeString(file, config.substring(0, config.indexOf(key) + key.length()) + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path stateFile() {
        return directory.resolve(".ivsstack/.pulumi/stacks/streaming-platform/" + stack + ".json");
    }

    /** The example compiled against this build's SDK, plus the test classpath (SDK, Pulumi runtime). */
    static synchronized String programClasspath() {
        if (programClasspath == null) {
            try {
                Path classes = Files.createTempDirectory("flagship-classes");
                List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", TestProject.classpath(), "-nowarn"));
                try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
                }
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int code = javac.run(null, null, errors, args.toArray(String[]::new));
                assertThat(code).as("compiling the flagship:\n%s", errors).isZero();
                programClasspath = classes + File.pathSeparator + TestProject.classpath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return programClasspath;
    }

    private List<String> commonArguments() {
        List<String> arguments = new ArrayList<>(List.of("--stack", stack, "--cwd", directory.toString(),
                "--program-classpath", programClasspath(), "--main-class", MAIN_CLASS, "--color", "never"));
        if (backend != null) {
            arguments.addAll(List.of("--backend", backend));
        }
        return arguments;
    }

    /** The environment of a run: the tests' passphrase and the test S3 server's credentials. */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(TestProject.environment());
        env.putAll(com.ivsstack.engine.testing.backend.Backends.environment());
        return env;
    }

    /** Runs the CLI in this JVM (the provider in-process, or the plugin given with --plugin). */
    CliRunner.Run run(String... args) {
        return run(environment(), args);
    }

    CliRunner.Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(commonArguments());
        IvsStackCli cli = new IvsStackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                environment, new IvsProviderSetup(), false);
        int code = IvsStackCli.commandLine(cli).execute(all.toArray(String[]::new));
        CliRunner.Run run = new CliRunner.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + run); // the surefire report, for diagnosis
        return run;
    }

    /** A process builder for the CLI in its own JVM, for the tests that kill it. */
    ProcessBuilder process(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", TestProject.classpath(), IvsStackCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(commonArguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment());
        return builder;
    }

    /** The state as the engine reads it (which validates it), with the provider in-process and no endpoint started. */
    Snapshot state() {
        try (Engine engine = Engine.builder().projectDirectory(directory).stack(stack).backend(backend)
                .connector(new com.ivsstack.engine.provider.InProcessProviderConnector(Map.of()))
                .environment(environment()).build()) {
            return engine.store().load();
        }
    }

    static IvsClient client(URI endpoint) {
        return IvsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The state and the endpoint agree exactly: the same ARNs (nothing leaked, nothing lost), each once, with the
     * declared properties; no pending operation is left and the state file is valid (the engine loads it).
     */
    void assertMatchesEndpoint(IvsClient ivs, int creators) {
        Snapshot state = state();
        assertThat(state.pendingOperations()).as("pending operations").isEmpty();
        List<ResourceState> custom = state.resources().stream()
                .filter(r -> r.custom() && !r.isProvider() && !r.delete()).toList();
        Map<String, ResourceState> byId = new HashMap<>();
        custom.forEach(r -> assertThat(byId.put(r.id(), r)).as("duplicate id in state: %s", r.id()).isNull());

        List<ChannelSummary> channels = listChannels(ivs);
        List<RecordingConfigurationSummary> recordings = ivs.listRecordingConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.recordingConfigurations().stream()).toList();
        List<StreamKeySummary> keys = new ArrayList<>();
        for (ChannelSummary c : channels) {
            keys.addAll(ivs.listStreamKeysPaginator(b -> b.channelArn(c.arn())).stream()
                    .flatMap(page -> page.streamKeys().stream()).toList());
        }
        List<String> endpointArns = new ArrayList<>();
        channels.forEach(c -> endpointArns.add(c.arn()));
        recordings.forEach(r -> endpointArns.add(r.arn()));
        keys.forEach(k -> endpointArns.add(k.arn()));
        assertThat(endpointArns).as("every ARN at the endpoint is in the state, and only those")
                .containsExactlyInAnyOrderElementsOf(byId.keySet());

        int expected = creators == 0 ? 0 : 2 * creators + 1;
        assertThat(custom).as("resources in state").hasSize(expected);
        assertThat(channels.stream().map(ChannelSummary::name).collect(Collectors.toSet()))
                .as("channel names are unique").hasSize(channels.size());
        for (ResourceState r : custom) {
            if (r.type().equals("ivs:index:Channel")) {
                Channel live = ivs.getChannel(b -> b.arn(r.id())).channel();
                assertThat(live.name()).isEqualTo(r.inputs().get("name"));
                assertThat(live.latencyModeAsString()).isEqualTo(r.inputs().get("latencyMode"));
                assertThat(live.typeAsString()).isEqualTo(r.inputs().get("type"));
                assertThat(live.recordingConfigurationArn()).isEqualTo(r.inputs().getOrDefault("recordingConfigurationArn", ""));
                assertThat(live.tags()).containsAllEntriesOf(stringMap(r.inputs().get("tags")));
            } else if (r.type().equals("ivs:index:StreamKey")) {
                assertThat(ivs.getStreamKey(b -> b.arn(r.id())).streamKey().channelArn())
                        .isEqualTo(r.inputs().get("channelArn"));
            }
        }
    }

    static List<ChannelSummary> listChannels(IvsClient ivs) {
        return ivs.listChannelsPaginator(b -> { }).stream().flatMap(page -> page.channels().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    /** Full counts with -Dreliability.full=true (see docs/reliability.md); small ones in CI. */
    static boolean full() {
        return Boolean.getBoolean("reliability.full");
    }

    static int count(String property, int ci, int full) {
        return Integer.getInteger(property, full() ? full : ci);
    }
}
