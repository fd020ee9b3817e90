package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.pulumi.value.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint writes: the file reads exactly as the deployment tree, and only changed resources are encoded again. */
class CheckpointStoreTest {
    private static final String PROVIDER = "urn:pulumi:dev::app::pulumi:providers:ivs::default";
    private static final String TIME = "\"time\" : \"[^\"]*\"";

    @TempDir
    Path dir;

    private final SecretsManager secrets = new SecretsManager(() -> "correct horse", null);

    private CheckpointStore store() {
        return new CheckpointStore(dir, "organization", "app", "dev", secrets);
    }

    private static ResourceState channel(String name, Object streamKeyValue) {
        return ResourceState.builder("urn:pulumi:dev::app::ivs:index:Channel::" + name, "ivs:index:Channel", true)
                .id("arn:aws:ivs:us-west-2:123456789012:channel/" + name)
                .provider(PROVIDER + "::p-1")
                .inputs(Map.of("name", name))
                .outputs(Map.of("name", name, "latencyMode", "LOW", "streamKeyValue", streamKeyValue,
                        "tags", Map.of("team", "video"), "sizes", List.of(1.0, 2.5)))
                .dependencies(List.of(PROVIDER))
                .created("2026-11-21T00:00:00Z")
                .build();
    }

    private static ResourceState provider() {
        return ResourceState.builder(PROVIDER, "pulumi:providers:ivs", true).id("p-1")
                .inputs(Map.of("region", "us-west-2")).outputs(Map.of("region", "us-west-2")).build();
    }

    @Test
    void save_snapshotWithPendingOperation_fileReadsExactlyAsThePrettyPrintedDeploymentTree() throws Exception {
        CheckpointStore store = store();
        ResourceState creating = ResourceState.builder("urn:pulumi:dev::app::ivs:index:Channel::new",
                "ivs:index:Channel", true).inputs(Map.of("name", "new")).build();
        Snapshot snapshot = new Snapshot(List.of(provider(), channel("a", "plain"), channel("b", "plain")),
                List.of(new PendingOperation(creating, PendingOperation.CREATING)));

        store.save(snapshot);

        ObjectNode tree = CheckpointCodec.json().createObjectNode();
        tree.put("version", 3);
        tree.putObject("checkpoint").put("stack", "organization/app/dev")
                .set("latest", store.codec().deployment(snapshot));
        String expected = CheckpointCodec.json().writeValueAsString(tree);
        String written = Files.readString(store.checkpointFile());
        assertThat(written.replaceAll(TIME, "")).isEqualTo(expected.replaceAll(TIME, ""));
        assertThat(store.load()).isEqualTo(snapshot);
    }

    @Test
    void save_again_unchangedResourceKeepsItsCiphertextAndChangedOneIsEncryptedAnew() throws Exception {
        CheckpointStore store = store();
        ResourceState a = channel("a", new Secret("sk_a"));
        ResourceState b = channel("b", new Secret("sk_b"));
        store.save(new Snapshot(List.of(provider(), a, b), List.of()));
        JsonNode first = ciphertexts(store);
        // Else "a" keeps its ciphertext only because it has none to change.
        assertThat(first.size()).as("both channels' secrets are encrypted").isEqualTo(2);

        ResourceState bRotated = b.withOutputs(Map.of("name", "b", "streamKeyValue", new Secret("sk_b2")));
        store.save(new Snapshot(List.of(provider(), a, bRotated), List.of()));
        JsonNode second = ciphertexts(store);

        // A fresh encryption has a fresh nonce: an equal ciphertext means the entry was not encrypted again.
        assertThat(second.get("a")).isEqualTo(first.get("a"));
        assertThat(second.get("b")).isNotEqualTo(first.get("b"));
        assertThat(Files.readString(store.checkpointFile())).doesNotContain("sk_a", "sk_b");
        Snapshot loaded = store.load();
        assertThat(loaded.live(a.urn()).orElseThrow().outputs().get("streamKeyValue")).isEqualTo(new Secret("sk_a"));
        assertThat(loaded.live(b.urn()).orElseThrow().outputs().get("streamKeyValue")).isEqualTo(new Secret("sk_b2"));
        assertThat(loaded.resources()).hasSize(3);
    }

    /** The ciphertext of each channel's secret output, by channel name. */
    private static JsonNode ciphertexts(CheckpointStore store) throws Exception {
        ObjectNode byName = CheckpointCodec.json().createObjectNode();
        JsonNode root = CheckpointCodec.json().readTree(store.checkpointFile().toFile());
        for (JsonNode r : root.path("checkpoint").path("latest").path("resources")) {
            JsonNode secret = r.path("outputs").path("streamKeyValue");
            if (secret.has("ciphertext")) {
                byName.set(r.path("outputs").path("name").asText(), secret.get("ciphertext"));
            }
        }
        return byName;
    }
}
