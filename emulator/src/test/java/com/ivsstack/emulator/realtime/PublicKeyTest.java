package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.PublicKey;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
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
    void importPublicKey_notPem_validationErrorNamingTheField(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.importPublicKey(b -> b.publicKeyMaterial("ssh-ed25519 AAAA")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("publicKeyMaterial");
    }
}
