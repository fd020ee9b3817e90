package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.PublicKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPair;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPairSummary;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivs.model.ValidationException;

class PlaybackKeyPairTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void importPlaybackKeyPair_p384Key_returnsFingerprint(IvsClient ivs) {
        String pem = PublicKeys.p384();

        PlaybackKeyPair pair = ivs.importPlaybackKeyPair(b -> b.name("viewer-key").publicKeyMaterial(pem)
                .tags(Map.of("k", "v"))).keyPair();

        assertThat(pair.arn()).matches("arn:aws:ivs:us-west-2:123456789012:playback-key/[A-Za-z0-9]{12}");
        assertThat(pair.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(pair.name()).isEqualTo("viewer-key");
        assertThat(ivs.getPlaybackKeyPair(b -> b.arn(pair.arn())).keyPair()).isEqualTo(pair);
        assertThat(ivs.listPlaybackKeyPairs(b -> { }).keyPairs()).extracting(PlaybackKeyPairSummary::arn)
                .containsExactly(pair.arn());
    }

    @Test
    void importPlaybackKeyPair_sameKeyTwice_conflict(IvsClient ivs) {
        String pem = PublicKeys.p384();
        ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(pem));

        assertThatThrownBy(() -> ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(pem)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void importPlaybackKeyPair_fourthKey_serviceQuotaExceeded(IvsClient ivs) {
        for (int i = 0; i < 3; i++) {
            String pem = PublicKeys.p384();
            ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(pem));
        }
        String fourth = PublicKeys.p384();

        assertThatThrownBy(() -> ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(fourth)))
                .isInstanceOf(ServiceQuotaExceededException.class);
    }

    @Test
    void importPlaybackKeyPair_notAKey_validationError(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial("not a key")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("publicKeyMaterial");
    }

    @Test
    void importPlaybackKeyPair_p256Key_validationError(IvsClient ivs) {
        String pem = PublicKeys.ecPem("secp256r1");

        assertThatThrownBy(() -> ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(pem)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("P-384");
    }

    @Test
    void deletePlaybackKeyPair_existing_removesIt(IvsClient ivs) {
        String pem = PublicKeys.p384();
        String arn = ivs.importPlaybackKeyPair(b -> b.publicKeyMaterial(pem)).keyPair().arn();

        ivs.deletePlaybackKeyPair(b -> b.arn(arn));

        assertThatThrownBy(() -> ivs.getPlaybackKeyPair(b -> b.arn(arn))).isInstanceOf(ResourceNotFoundException.class);
    }
}
