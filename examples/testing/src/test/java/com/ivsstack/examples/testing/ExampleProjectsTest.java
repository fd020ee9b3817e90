package com.ivsstack.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example folder is a project that both the Pulumi CLI and the embedded engine can run against the local endpoint. */
class ExampleProjectsTest {

    private static final Path EXAMPLES = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern MAIN_CLASS = Pattern.compile("<exec\\.mainClass>([\\w.]+)</exec\\.mainClass>");

    static Stream<Path> javaExamples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.exists(d.resolve("Pulumi.yaml")) && Files.exists(d.resolve("pom.xml")))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("javaExamples")
    void project_javaRuntime_namesAnExistingMainClass(Path example) throws IOException {
        JsonNode project = YAML.readTree(example.resolve("Pulumi.yaml").toFile());
        Matcher main = MAIN_CLASS.matcher(Files.readString(example.resolve("pom.xml")));

        assertThat(project.path("runtime").asText()).isEqualTo("java");
        assertThat(project.path("name").asText()).isEqualTo(example.getFileName().toString());
        assertThat(main.find()).as(example + "/pom.xml sets exec.mainClass").isTrue();
        assertThat(example.resolve("src/main/java/" + main.group(1).replace('.', '/') + ".java")).exists();
    }

    @ParameterizedTest
    @MethodSource("javaExamples")
    void devStack_config_targetsTheLocalEndpoint(Path example) throws IOException {
        JsonNode config = YAML.readTree(example.resolve("Pulumi.dev.yaml").toFile()).path("config");

        assertThat(config.path("ivs:endpoint").asText()).startsWith("http://127.0.0.1:");
        assertThat(config.path("ivs:region").asText()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("javaExamples")
    void example_hasAUnitTest(Path example) throws IOException {
        try (Stream<Path> tests = Files.walk(example.resolve("src/test/java"))) {
            assertThat(tests.filter(p -> p.toString().endsWith("Test.java"))).isNotEmpty();
        }
    }
}
