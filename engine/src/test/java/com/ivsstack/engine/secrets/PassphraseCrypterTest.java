package com.ivsstack.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** The derivation that halves PBKDF2's work must give exactly the JDK's key, or no stack would open. */
    @ParameterizedTest(name = "{0} ({1} iterations)")
    @CsvSource(delimiter = '|', value = {
            "''                                                                                     | 1",
            "s3cret                                                                                 | 1",
            "s3cret                                                                                 | 2",
            "correct horse battery staple                                                           | 1000",
            "pässwörd-🔑                                                                             | 1000",
            "sixty-four bytes exactly: the HMAC block size, with no padding 0 | 1000",
            "a passphrase longer than the sixty-four bytes of an HMAC block, which HMAC hashes first | 1000"})
    void pbkdf2HmacSha256_anyPassphrase_derivesTheKeyTheJdkDerives(String passphrase, int iterations) throws Exception {
        byte[] salt = {(byte) 0x9a, 0x12, 0x00, 0x7f, (byte) 0xff, 0x33, 0x01, 0x5c};

        byte[] ours = PassphraseCrypter.pbkdf2HmacSha256(passphrase.getBytes(StandardCharsets.UTF_8), salt, iterations);

        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256)).getEncoded();
        assertThat(ours).isEqualTo(jdk);
    }
}
