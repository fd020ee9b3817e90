package com.ivsstack.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import com.ivsstack.engine.testing.program.SdkProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invoke (a provider function) and get (ReadResource) from a program on the generated SDK, against the local endpoint. */
class SdkFunctionsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void functionAndGet_seeTheChannelTheProgramCreated_andDestroyDeletesItOnce() throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: sdkprog\nruntime: java\n");
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config: {}\n"); // the stack: ivsstack has no stack init

        CliRunner.Run up = run("up", "--yes", "--skip-preview");
        assertThat(up.exitCode()).as("%s", up).isZero();
        // The function's result carries the channel's stream key, so the SDK keeps the whole result secret.
        JsonNode masked = new ObjectMapper().readTree(run("stack", "output", "--json").out());
        assertThat(masked.path("lookedUpIngestEndpoint").asText()).isEqualTo("[secret]");
        JsonNode outputs = new ObjectMapper().readTree(run("stack", "output", "--json", "--show-secrets").out());
        assertThat(outputs.path("lookedUpIngestEndpoint").asText()).isNotEmpty()
                .isEqualTo(outputs.path("ingestEndpoint").asText());
        assertThat(outputs.path("readPlaybackUrl").asText()).isNotEmpty().isEqualTo(outputs.path("playbackUrl").asText());
        JsonNode state = new ObjectMapper().readTree(run("stack", "export").out());
        List<String> external = new ArrayList<>();
        state.path("deployment").path("resources").forEach(r -> {
            if (r.path("external").asBoolean()) {
                external.add(r.path("urn").asText());
            }
        });
        assertThat(external).containsExactly("urn:pulumi:dev::sdkprog::ivs:index:Channel::existing");

        CliRunner.Run destroy = run("destroy", "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(destroy.out()).contains("- ivs:index:Channel sdk-channel deleted");
    }

    private CliRunner.Run run(String... args) {
        return new LocalRun(dir, TestProject.classpath(), SdkProgram.class.getName()).run(args);
    }
}
