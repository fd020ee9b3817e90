package com.ivsstack.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PassphraseCrypterTest {
    @Test
    void encrypt_thenOpenWithTheSamePassphrase_decrypts() {
        PassphraseCrypter created = PassphraseCrypter.create("s3cret");
        String ciphertext = created.encrypt("\"stream-key\"");

        PassphraseCrypter opened = PassphraseCrypter.open("s3cret", created.encryptionSalt());

        assertThat(created.encryptionSalt()).matches("v1:[A-Za-z0-9+/=]+:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
        assertThat(ciphertext).startsWith("v1:").doesNotContain("stream-key");
        assertThat(opened.decrypt(ciphertext)).isEqualTo("\"stream-key\"");
    }

    @Test
    void open_withAnotherPassphrase_failsNamingTheEnvironmentVariables() {
        PassphraseCrypter created = PassphraseCrypter.create("right");

        assertThatThrownBy(() -> PassphraseCrypter.open("wrong", created.encryptionSalt()))
                .hasMessageContaining("incorrect passphrase").hasMessageContaining("PULUMI_CONFIG_PASSPHRASE");
    }

    @Test
    void open_malformedSalt_saysWhatIsExpected() {
        assertThatThrownBy(() -> PassphraseCrypter.open("x", "v2:abc"))
                .hasMessageContaining("malformed encryption salt");
    }
}
