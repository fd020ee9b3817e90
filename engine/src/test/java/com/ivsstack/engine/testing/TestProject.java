package com.ivsstack.engine.testing;

import com.ivsstack.engine.Engine;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.provider.InProcessProviderConnector;
import com.ivsstack.engine.provider.ProviderConnector;
import com.ivsstack.engine.testing.program.TestProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Pulumi project in a temporary directory running {@link TestProgram} (from the test classpath) against a
 * {@link FakeCloudProvider} serving package "ivs".
 */
public final class TestProject {
    public static final String PASSPHRASE = "correct horse battery staple";
    private final Path directory;
    private final FakeCloud cloud;
    private final Map<String, String> config = new LinkedHashMap<>();

    public TestProject(Path directory, FakeCloud cloud) {
        this.directory = directory;
        this.cloud = cloud;
        write("Pulumi.yaml", "name: testprog\nruntime: java\ndescription: engine test program\n");
        writeConfig();
    }

    public Path directory() {
        return directory;
    }

    public FakeCloud cloud() {
        return cloud;
    }

    public TestProject set(String key, String value) {
        config.put(key, value);
        writeConfig();
        return this;
    }

    public TestProject unset(String key) {
        config.remove(key);
        writeConfig();
        return this;
    }

    private void writeConfig() {
        StringBuilder yaml = new StringBuilder("config:\n");
        config.forEach((k, v) -> yaml.append("  testprog:").append(k).append(": \"").append(v).append("\"\n"));
        if (config.isEmpty()) {
            yaml.setLength(0);
            yaml.append("config: {}\n");
        }
        write("Pulumi.dev.yaml", yaml.toString());
    }

    public void write(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProviderConnector connector(FakeCloud cloud) {
        return connector(cloud, true);
    }

    /** @param deletePreflight whether the provider answers the delete preflight (an older provider does not) */
    public static ProviderConnector connector(FakeCloud cloud, boolean deletePreflight) {
        Supplier<io.grpc.BindableService> provider = () -> new FakeCloudProvider(cloud, 0, deletePreflight);
        return new InProcessProviderConnector(Map.of("ivs", provider));
    }

    public static String classpath() {
        return System.getProperty("java.class.path");
    }

    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        return env;
    }

    public Engine engine(DeploymentEvents events) {
        return engine(events, environment(), true);
    }

    /** An engine with this environment (its passphrase) and a provider with or without the delete preflight. */
    public Engine engine(DeploymentEvents events, Map<String, String> environment, boolean deletePreflight) {
        return Engine.builder()
                .projectDirectory(directory)
                .stack("dev")
                .connector(connector(cloud, deletePreflight))
                .programClasspath(classpath())
                .mainClass(TestProgram.class.getName())
                .environment(environment)
                .events(events)
                .build();
    }

    public Engine engine() {
        return engine(new RecordingEvents());
    }

    /** Deploys the program (the test's starting point), then forgets the cloud calls that made it. */
    public TestProject deployed() {
        org.assertj.core.api.Assertions.assertThat(engine().up(Engine.Options.DEFAULT).errors()).as("the first up").isEmpty();
        cloud.clearCalls();
        return this;
    }
}
