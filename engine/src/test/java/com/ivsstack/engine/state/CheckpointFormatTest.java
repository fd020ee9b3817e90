package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.testing.Golden;
import com.ivsstack.pulumi.value.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint file, field by field, against a golden file in src/test/resources/golden (the Pulumi CLI reads it
 * as a DeploymentV3): every field of a resource set and unset, numbers integral and not, nested values, secrets, a
 * pending operation. Times and ciphertexts, new at every write, read as placeholders. After an intended change,
 * rewrite the file with {@code -Dgolden.update=true} and review the diff.
 */
class CheckpointFormatTest {
    private static final String PROVIDER = "urn:pulumi:dev::app::pulumi:providers:ivs::default";
    private static final String STACK = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
    private static final String CHANNEL = "urn:pulumi:dev::app::ivs:index:Channel::main";

    @TempDir
    Path dir;

    @Test
    void save_everyKindOfField_writesTheGoldenCheckpoint_andLoadsItBack() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, "organization", "app", "dev",
                new SecretsManager(() -> "correct horse", null));
        Snapshot snapshot = new Snapshot(List.of(stack(), provider(), channel(), bare()),
                List.of(new PendingOperation(ResourceState.builder(CHANNEL.replace("main", "next"), "ivs:index:Channel",
                        true).inputs(Map.of("name", "next")).parent(STACK).provider(PROVIDER + "::p-1").build(),
                        PendingOperation.CREATING)));

        store.save(snapshot);

        String written = Files.readString(store.checkpointFile(), StandardCharsets.UTF_8)
                .replaceAll("\"time\" : \"[^\"]*\"", "\"time\" : \"<time>\"")
                .replaceAll("\"ciphertext\" : \"[^\"]*\"", "\"ciphertext\" : \"<ciphertext>\"")
                .replaceAll("\"salt\" : \"[^\"]*\"", "\"salt\" : \"<salt>\"");
        Golden.assertMatches("checkpoint.json", written);
        Snapshot loaded = store.load();
        assertThat(loaded.resources()).containsExactlyInAnyOrderElementsOf(snapshot.resources());
        assertThat(loaded.pendingOperations()).isEqualTo(snapshot.pendingOperations());
    }

    private static ResourceState stack() {
        return ResourceState.builder(STACK, "pulumi:pulumi:Stack", false)
                .outputs(Map.of("playbackUrl", "https://play.example/main"))
                .created("2026-01-02T03:04:05Z").modified("2026-01-02T03:04:05Z").build();
    }

    private static ResourceState provider() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("region", "us-west-2");
        config.put("version", "0.1.0");
        return ResourceState.builder(PROVIDER, "pulumi:providers:ivs", true).id("p-1").inputs(config).outputs(config)
                .build();
    }

    /** Every field set, flags true, values of every shape. */
    private static ResourceState channel() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("name", "main");
        inputs.put("latencyMode", "LOW");
        inputs.put("authorized", true);
        inputs.put("reconnectWindowSeconds", 60.0);
        inputs.put("ratio", 1.5);
        inputs.put("large", 1e17);
        inputs.put("nothing", null);
        inputs.put("tags", Map.of("team", "video"));
        inputs.put("sizes", List.of(1.0, 2.5, Map.of("nested", List.of("x"))));
        inputs.put("password", new Secret("hunter2"));
        Map<String, Object> outputs = new LinkedHashMap<>(inputs);
        outputs.put("arn", "arn:aws:ivs:us-west-2:123456789012:channel/main");
        outputs.put("streamKey", new Secret(Map.of("value", "sk_live_x", "ids", List.of(1.0, 2.0))));
        return ResourceState.builder(CHANNEL, "ivs:index:Channel", true)
                .delete(true).id("arn:aws:ivs:us-west-2:123456789012:channel/main")
                .inputs(inputs).outputs(outputs).parent(STACK).protect(true).external(true)
                .dependencies(List.of(PROVIDER)).initErrors(List.of("waiting failed"))
                .provider(PROVIDER + "::p-1").propertyDependencies(Map.of("tags", List.of(PROVIDER)))
                .pendingReplacement(true).additionalSecretOutputs(List.of("arn"))
                .customTimeouts(Map.of("create", 60.0)).importId("arn:aws:ivs:us-west-2:123456789012:channel/main")
                .retainOnDelete(true).created("2026-01-02T03:04:05Z").modified("2026-01-02T03:04:06Z")
                .ignoreChanges(List.of("tags")).build();
    }

    /** Every optional field unset or empty: a component (a custom resource always has an id). */
    private static ResourceState bare() {
        return ResourceState.builder("urn:pulumi:dev::app::app:index:Group::bare", "app:index:Group", false).build();
    }
}
