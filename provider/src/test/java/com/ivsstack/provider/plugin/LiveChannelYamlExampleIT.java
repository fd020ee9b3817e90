package com.ivsstack.provider.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.pulumi.wire.StructCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ivsstack.provider.plugin.EngineDriver.containsUnknown;
import static com.ivsstack.provider.plugin.EngineDriver.isSecret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/live-channel-yaml without the Pulumi CLI: its types and properties exist in schema.json, and its resources,
 * applied in order through the packaged plugin with {@code ${...}} references resolved the way Pulumi YAML resolves
 * them, preview and deploy against the local endpoint with the stack config of Pulumi.local.yaml.
 */
class LiveChannelYamlExampleIT {

    private static final Path EXAMPLE = Path.of(System.getProperty("ivs.plugin.schema")).getParent()
            .resolve("examples/live-channel-yaml");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:\\.([A-Za-z0-9_]+))?}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @SuppressWarnings("unchecked")
    @Test
    void program_previewThenUp_deploysEveryResourceAndItsOutputs() throws Exception {
        Map<String, Object> program = YAML.readValue(EXAMPLE.resolve("Pulumi.yaml").toFile(), Map.class);
        Map<String, Object> stack = YAML.readValue(EXAMPLE.resolve("Pulumi.local.yaml").toFile(), Map.class);
        Map<String, Object> schema = JSON.readValue(Files.readAllBytes(Path.of(System.getProperty("ivs.plugin.schema"))), Map.class);
        var resources = (Map<String, Map<String, Object>>) program.get("resources");
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) program.get("plugins")).get("providers")).get(0))
                .containsEntry("name", "ivs")
                .hasEntrySatisfying("path", path -> assertThat((String) path)
                        .startsWith("../../provider/target/pulumi-resource-ivs-v0.1.0-"));
        assertEveryTypeAndPropertyIsInTheSchema(resources, (Map<String, Map<String, Object>>) schema.get("resources"));

        try (var plugin = InstalledPlugin.start(Map.of(), "127.0.0.1:1")) {
            var driver = new EngineDriver(plugin.stub(), "local");
            driver.load("");

            driver.configure(providerConfig(stack), true);
            IVS.emulator().admin().resetRequestCounts();
            var preview = apply(driver, program, resources, true);
            assertThat(IVS.emulator().admin().requestCounts().values().stream().mapToLong(Long::longValue).sum())
                    .as("AWS calls during preview").isZero();
            assertThat(containsUnknown(preview.get("channel").getFieldsOrThrow("arn"))).isTrue();

            driver.configure(providerConfig(stack), false);
            var deployed = apply(driver, program, resources, false);
            Map<String, Value> outputs = outputs(program, deployed);

            assertThat(outputs.get("channelArn").getStringValue()).contains(":channel/");
            assertThat(outputs.get("ingestEndpoint").getStringValue()).isNotBlank();
            assertThat(outputs.get("playbackUrl").getStringValue()).startsWith("https://");
            assertThat(outputs.get("recordingState").getStringValue()).isEqualTo("ACTIVE");
            assertThat(isSecret(outputs.get("streamKey"))).as("the stream key output stays secret").isTrue();
            var channel = IVS.ivsClient().getChannel(b -> b.arn(outputs.get("channelArn").getStringValue())).channel();
            assertThat(channel.recordingConfigurationArn()).contains(":recording-configuration/");
            assertThat(channel.tags()).containsEntry("app", "live-channel-yaml").containsEntry("environment", "local");
        }
    }

    private static void assertEveryTypeAndPropertyIsInTheSchema(Map<String, Map<String, Object>> resources,
                                                               Map<String, Map<String, Object>> schemaResources) {
        resources.forEach((name, resource) -> {
            String type = (String) resource.get("type");
            assertThat(schemaResources).as("resource %s's type", name).containsKey(type);
            @SuppressWarnings("unchecked")
            var properties = (Map<String, Object>) resource.getOrDefault("properties", Map.of());
            assertThat(schemaResources.get(type).get("inputProperties")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).as("inputs of %s", type)
                    .containsKeys(properties.keySet().toArray());
        });
    }

    /** Stack config as the engine sends it to the provider: bare keys, strings, objects as JSON text. */
    @SuppressWarnings("unchecked")
    private static Struct providerConfig(Map<String, Object> stack) throws Exception {
        var config = new LinkedHashMap<String, Object>();
        for (var entry : ((Map<String, Object>) stack.get("config")).entrySet()) {
            if (entry.getKey().startsWith("ivs:")) {
                Object value = entry.getValue();
                config.put(entry.getKey().substring(4), value instanceof String text ? text : JSON.writeValueAsString(value));
            }
        }
        config.put("endpoint", IVS.emulator().endpoint().toString()); // the test's endpoint instead of :4580
        return StructCodec.encode(config, StructCodec.Unknowns.REJECTED);
    }

    /** Creates each resource in program order (its dependency order), resolving references to earlier outputs. */
    @SuppressWarnings("unchecked")
    private static Map<String, Struct> apply(EngineDriver driver, Map<String, Object> program,
                                             Map<String, Map<String, Object>> resources, boolean preview) {
        var outputs = new LinkedHashMap<String, Struct>();
        var configDefaults = new LinkedHashMap<String, Object>();
        ((Map<String, Map<String, Object>>) program.get("config")).forEach((key, spec) -> configDefaults.put(key, spec.get("default")));
        resources.forEach((name, resource) -> {
            var properties = (Map<String, Object>) resource.getOrDefault("properties", Map.of());
            var inputs = (Map<String, Object>) resolve(properties, configDefaults, outputs);
            var state = driver.create((String) resource.get("type"), name,
                    StructCodec.encode(inputs, StructCodec.Unknowns.ALLOWED), preview);
            outputs.put(name, state.outputs());
        });
        return outputs;
    }

    private static Object resolve(Object value, Map<String, Object> config, Map<String, Struct> outputs) {
        if (value instanceof Map<?, ?> map) {
            var resolved = new LinkedHashMap<String, Object>();
            map.forEach((key, inner) -> resolved.put((String) key, resolve(inner, config, outputs)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> resolve(inner, config, outputs)).toList();
        }
        if (value instanceof String text) {
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                if (reference.group(2) == null) {
                    return config.get(reference.group(1));
                }
                Value output = outputs.get(reference.group(1)).getFieldsOrThrow(reference.group(2));
                return StructCodec.decode(output, StructCodec.Decoding.PROVIDER); // a secret output stays a secret input
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Value> outputs(Map<String, Object> program, Map<String, Struct> deployed) {
        var result = new LinkedHashMap<String, Value>();
        ((Map<String, String>) program.get("outputs")).forEach((name, expression) -> {
            Matcher reference = REFERENCE.matcher(expression);
            assertThat(reference.matches()).as("output %s", name).isTrue();
            result.put(name, deployed.get(reference.group(1)).getFieldsOrThrow(reference.group(2)));
        });
        return result;
    }
}
