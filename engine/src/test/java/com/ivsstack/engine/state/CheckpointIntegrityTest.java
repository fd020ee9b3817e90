package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.testing.FakeCloud;
import com.ivsstack.engine.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules the Pulumi CLI checks on import (snapshot VerifyIntegrity), on checkpoints this engine writes. */
class CheckpointIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void checkpoints_satisfyPulumisIntegrityRules_andKeepSecretsEncrypted() throws Exception {
        FakeCloud cloud = new FakeCloud();
        TestProject project = new TestProject(dir, cloud);
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        assertIntegrity(checkpoint(project).path("checkpoint").path("latest"));

        project.set("channelType", "ADVANCED_SD").set("recordingName", "rec2");
        assertThat(project.engine().up(Engine.Options.DEFAULT).errors()).isEmpty();
        JsonNode latest = checkpoint(project).path("checkpoint").path("latest");
        assertIntegrity(latest);

        String text = Files.readString(project.engine().store().checkpointFile());
        assertThat(text).doesNotContain("sk_live_", "sk_").contains("\"ciphertext\"");
        assertThat(latest.path("secrets_providers").path("type").asText()).isEqualTo("passphrase");
        assertThat(checkpoint(project).path("checkpoint").path("stack").asText()).isEqualTo("organization/testprog/dev");

        JsonNode exported = project.engine().exportStack();
        assertThat(exported.path("version").asInt()).isEqualTo(3);
        assertIntegrity(exported.path("deployment"));
        project.engine().importStack(exported);
        assertThat(project.engine().preview(Engine.Options.DEFAULT).hasChanges()).isFalse();
    }

    private static JsonNode checkpoint(TestProject project) throws Exception {
        return new ObjectMapper().readTree(project.engine().store().checkpointFile().toFile());
    }

    static void assertIntegrity(JsonNode deployment) {
        // Every rule below is about resources: a deployment without any would pass them all.
        assertThat(deployment.path("resources")).as("the deployment's resources").isNotEmpty();
        JsonNode manifest = deployment.path("manifest");
        assertThat(manifest.path("magic").asText()).isEqualTo(CheckpointCodec.magic(manifest.path("version").asText()));
        assertThat(manifest.path("time").asText()).isNotEmpty();
        Set<String> seen = new HashSet<>();
        Set<String> live = new HashSet<>();
        for (JsonNode r : deployment.path("resources")) {
            String urn = r.path("urn").asText();
            assertThat(r.has("type")).isTrue();
            if (r.hasNonNull("provider")) {
                ProviderReference ref = ProviderReference.parse(r.path("provider").asText());
                assertThat(seen).as("provider of %s comes first", urn).contains(ref.urn());
            }
            if (r.hasNonNull("parent")) {
                assertThat(seen).as("parent of %s comes first", urn).contains(r.path("parent").asText());
            }
            r.path("dependencies").forEach(d -> assertThat(seen).as("dependency of %s comes first", urn).contains(d.asText()));
            if (!r.path("delete").asBoolean()) {
                assertThat(live.add(urn)).as("one live entry for %s", urn).isTrue();
            }
            seen.add(urn);
        }
    }
}
