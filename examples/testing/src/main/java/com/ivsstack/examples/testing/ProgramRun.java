package com.ivsstack.examples.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program against {@link IvsMocks} with stack config, as {@code pulumi up} would give it: read
 * from {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml}, structured values JSON-encoded, bare keys put in
 * the project's namespace. (The public {@code PulumiTest} API takes no config, hence the internal builder.)
 */
public final class ProgramRun {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run left behind: Pulumi's result (resources, exports, errors) and every registration. */
    public record Result(TestResult result, IvsMocks mocks) {

        public Object export(String name) {
            return valueOf(output(name));
        }

        public boolean isSecretExport(String name) {
            return Internal.of(output(name)).isSecret().join();
        }

        private Output<?> output(String name) {
            Output<?> output = result.outputs().get(name);
            if (output == null) {
                throw new AssertionError("no stack export '" + name + "'; exported: " + result.outputs().keySet());
            }
            return output;
        }
    }

    private ProgramRun() {}

    /** Runs {@code program} with the config of {@code Pulumi.<stack>.yaml} in {@code projectDir}. */
    public static Result run(Path projectDir, String stack, Consumer<Context> program) {
        String project = read(projectDir.resolve("Pulumi.yaml")).path("name").asText();
        Map<String, String> config = new LinkedHashMap<>();
        JsonNode values = read(projectDir.resolve("Pulumi." + stack + ".yaml")).path("config");
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            var entry = it.next();
            config.put(entry.getKey(), encode(entry.getValue()));
        }
        return run(project, stack, config, program);
    }

    /**
     * Runs {@code program} with the given config; keys without a namespace belong to the project, values are
     * strings as in {@code PULUMI_CONFIG} (objects and lists JSON-encoded).
     */
    public static Result run(String project, String stack, Map<String, String> config, Consumer<Context> program) {
        Map<String, String> namespaced = new LinkedHashMap<>();
        config.forEach((key, value) -> namespaced.put(key.contains(":") ? key : project + ":" + key, value));
        var mocks = new IvsMocks();
        PulumiTest.cleanup();
        TestResult result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(project).stackName(stack).build())
                .mocks(mocks)
                .config(namespaced)
                .build()
                .runTest(program);
        if (!result.exceptions().isEmpty() || !result.errors().isEmpty()) {
            AssertionError failure = new AssertionError("the program failed: " + result.errors());
            result.exceptions().forEach(failure::addSuppressed);
            throw failure;
        }
        return new Result(result, mocks);
    }

    /** JSON for structured config, as the Pulumi CLI passes it in {@code PULUMI_CONFIG}. */
    public static String encode(Object value) {
        try {
            JsonNode node = JSON.valueToTree(value);
            return node.isValueNode() ? node.asText() : JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object valueOf(Output<?> output) {
        return Internal.of(output).getValueNullable().join();
    }

    private static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + yaml + ": " + e.getMessage(), e);
        }
    }
}
