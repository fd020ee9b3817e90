package com.ivsstack.examples.privatechannel;

import static com.ivsstack.examples.testing.IvsMocks.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.examples.testing.PemKeys;
import com.ivsstack.examples.testing.ProgramRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppTest {

    private static ProgramRun.Result run;

    @BeforeAll
    static void runDevStack() {
        run = ProgramRun.run(Path.of("."), "dev", App::stack);
    }

    @Test
    void playbackKeyPair_dev_importsThePemFileUnchanged() throws Exception {
        assertThat(run.mocks().registration("viewer-tokens").inputs())
                .containsEntry("publicKeyMaterial", Files.readString(Path.of("playback-public-key.pem")))
                .containsEntry("name", "viewer-tokens");
    }

    @Test
    void shippedPublicKey_isAnEcdsaP384Key() throws Exception {
        var key = PemKeys.ecPublicKey(Path.of("playback-public-key.pem"));

        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
    }

    @Test
    void playbackRestrictionPolicy_dev_allowsTheConfiguredCountriesAndOrigins() {
        assertThat(run.mocks().registration("partner-sites").inputs())
                .containsEntry("allowedCountries", List.of("US", "CA", "GB"))
                .containsEntry("allowedOrigins", List.of("https://watch.example.com"))
                .containsEntry("enableStrictOriginEnforcement", true);
    }

    @Test
    void channel_dev_isAuthorizedAndUsesThePolicy() {
        assertThat(run.mocks().registration("members-only").inputs())
                .containsEntry("authorized", true)
                .containsEntry("playbackRestrictionPolicyArn", arnOf("ivs:index:PlaybackRestrictionPolicy", "partner-sites"));
    }

    @Test
    void exports_dev_nameTheKeyPairAndPolicy() {
        assertThat(run.export("playbackKeyPairArn")).isEqualTo(arnOf("ivs:index:PlaybackKeyPair", "viewer-tokens"));
        assertThat(run.export("playbackRestrictionPolicyArn"))
                .isEqualTo(arnOf("ivs:index:PlaybackRestrictionPolicy", "partner-sites"));
        assertThat((String) run.export("playbackKeyPairFingerprint")).startsWith("fp:");
    }
}
