package com.ivsstack.emulator.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfigurationSummary;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;

class EncoderConfigurationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void create_noArguments_echoesDefaultVideo(IvsRealTimeClient rt) {
        EncoderConfiguration created = rt.createEncoderConfiguration(b -> { }).encoderConfiguration();

        assertThat(created.arn()).matches("arn:aws:ivs:us-west-2:123456789012:encoder-configuration/[A-Za-z0-9]{12}");
        assertThat(created.video().width()).isEqualTo(1280);
        assertThat(created.video().height()).isEqualTo(720);
        assertThat(created.video().framerate()).isEqualTo(30f);
        assertThat(created.video().bitrate()).isEqualTo(2_500_000);
        assertThat(created.name()).isEmpty();
    }

    @Test
    void create_portraitFullHd_acceptedAndReadBack(IvsRealTimeClient rt) {
        EncoderConfiguration created = rt.createEncoderConfiguration(b -> b.name("portrait")
                .video(v -> v.width(1080).height(1920).framerate(29.97f).bitrate(6_000_000))
                .tags(Map.of("k", "v"))).encoderConfiguration();

        assertThat(rt.getEncoderConfiguration(b -> b.arn(created.arn())).encoderConfiguration()).isEqualTo(created);
        assertThat(created.video().framerate()).isEqualTo(29.97f);
        assertThat(rt.listEncoderConfigurations(b -> { }).encoderConfigurations())
                .extracting(EncoderConfigurationSummary::arn).containsExactly(created.arn());
    }

    @Test
    void create_tooManyPixels_validationError(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createEncoderConfiguration(b -> b.video(v -> v.width(1920).height(1082))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2073600");
    }

    @Test
    void create_oddWidth_validationError(IvsRealTimeClient rt) {
        assertThatThrownBy(() -> rt.createEncoderConfiguration(b -> b.video(v -> v.width(1279))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("video.width");
    }

    @Test
    void create_beyondQuota_serviceQuotaExceeded(IvsRealTimeClient rt, IvsEmulator emulator) {
        for (int i = 0; i < 20; i++) {
            rt.createEncoderConfiguration(b -> { });
        }

        assertThatThrownBy(() -> rt.createEncoderConfiguration(b -> { }))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(402));
    }

    @Test
    void delete_existing_returns200AndRemoves(IvsRealTimeClient rt) {
        String arn = rt.createEncoderConfiguration(b -> { }).encoderConfiguration().arn();

        assertThat(rt.deleteEncoderConfiguration(b -> b.arn(arn)).sdkHttpResponse().statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> rt.getEncoderConfiguration(b -> b.arn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
