package com.ivsstack.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.engine.secrets.PassphraseCrypter;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.pulumi.value.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {
    @TempDir
    Path dir;

    @Test
    void config_readsPlainStructuredAndSecureValues_withTheStacksEncryptionSalt() throws Exception {
        PassphraseCrypter crypter = PassphraseCrypter.create("pass");
        Files.writeString(dir.resolve("Pulumi.yaml"), """
                name: app
                runtime:
                  name: java
                  options:
                    mainClass: com.example.App
                config:
                  greeting:
                    type: string
                    default: hello
                """);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "encryptionsalt: " + crypter.encryptionSalt() + "\n"
                + "config:\n"
                + "  ivs:region: us-west-2\n"
                + "  app:creators:\n    - alice\n    - bob\n"
                + "  app:apiToken:\n    secure: " + crypter.encrypt("t0k3n") + "\n");
        Project project = Project.load(dir, "dev");

        Map<String, Object> config = project.config(new SecretsManager(() -> "pass", project.encryptionSalt()));

        assertThat(config).containsEntry("app:greeting", "hello")
                .containsEntry("ivs:region", "us-west-2")
                .containsEntry("app:creators", "[\"alice\",\"bob\"]")
                .containsEntry("app:apiToken", new Secret("t0k3n"));
        assertThat(ProgramResolver.mainClass(project)).isEqualTo("com.example.App");
    }

    @Test
    void load_withoutPulumiYaml_saysWhereItLooked() {
        assertThatThrownBy(() -> Project.load(dir, "dev")).hasMessageContaining("no Pulumi.yaml in")
                .hasMessageContaining("--cwd");
    }

    @Test
    void load_ofAnotherRuntime_isRefusedClearly() throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: app\nruntime: nodejs\n");

        assertThatThrownBy(() -> Project.load(dir, "dev")).hasMessageContaining("runtime 'nodejs' is not supported");
    }
}
