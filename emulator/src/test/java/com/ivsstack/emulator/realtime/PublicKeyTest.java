package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.PublicKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

class PublicKeyTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void importPublicKey_p384_roundTripsWithMaterialAndFingerprint(IvsRealTimeClient rt) {
        String pem = PublicKeys.p384();

        PublicKey key = rt.importPublicKey(b -> b.name("signer").publicKeyMaterial(pem)).publicKey();

        assertThat(key.arn()).matches("arn:aws:ivs:us-west-2:123456789012:public-key/[A-Za-z0-9]{12}");
        assertThat(key.publicKeyMaterial()).isEqualTo(pem);
        assertThat(key.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(rt.getPublicKey(b -> b.arn(key.arn())).publicKey()).isEqualTo(key);
        assertThat(rt.listPublicKeys(b -> { }).publicKeys()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("signer"));

        rt.deletePublicKey(b -> b.arn(key.arn()));
        assertThatThrownBy(() -> rt.getPublicKey(b -> b.arn(key.arn()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void importPublicKey_sameKeyTwice_conflict(IvsRealTimeClient rt) {
        String pem = PublicKeys.p384();
        rt.importPublicKey(b -> b.publicKeyMaterial(pem));

        assertThatThrownBy(() -> rt.importPublicKey(b -> b.publicKeyMaterial(pem))).isInstanceOf(ConflictException.class);
    }

    @Test
    void importPublicKey_fourthKey_serviceQuotaExceeded(IvsRealTimeClient rt) {
        for (int i = 0; i < 3; i++) {
            rt.importPublicKey(b -> b.publicKeyMaterial(PublicKeys.p384()));
        }

        assertThatThrownBy(() -> rt.importPublicKey(b -> b.publicKeyMaterial(PublicKeys.p384())))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(402))
                .hasMessageContaining("3 public keys");
        assertThat(rt.listPublicKeys(b -> { }).publicKeys()).hasSize(3);
    }

    @Test
    void importPublicKey_nameTagsAndDefaults_asTheServiceAnswers(IvsRealTimeClient rt) {
        PublicKey unnamed = rt.importPublicKey(b -> b.publicKeyMaterial(PublicKeys.p384())).publicKey();
        PublicKey tagged = rt.importPublicKey(b -> b.publicKeyMaterial(PublicKeys.p384())
                .tags(Map.of("purpose", "participant-tokens"))).publicKey();

        assertThat(unnamed.name()).isEmpty();
        assertThat(unnamed.tags()).isEmpty();
        assertThat(tagged.tags()).containsExactly(Map.entry("purpose", "participant-tokens"));
        assertThat(rt.listPublicKeys(b -> { }).publicKeys()).extracting(s -> s.tags())
                .containsExactly(Map.of(), Map.of("purpose", "participant-tokens"));
    }

    @Test
    void importPublicKey_curveOtherThanP384_validationError(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.importPublicKey(b -> b.publicKeyMaterial(PublicKeys.ecPem("secp256r1"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("P-384");
    }

    @Test
    void importPublicKey_notPem_validationErrorNamingTheField(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.importPublicKey(b -> b.publicKeyMaterial("ssh-ed25519 AAAA")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("publicKeyMaterial");
    }
}
