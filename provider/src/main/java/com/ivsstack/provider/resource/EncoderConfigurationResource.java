package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ResourceModels;
import com.ivsstack.provider.model.realtime.EncoderConfigurationInputs;
import com.ivsstack.provider.model.realtime.EncoderConfigurationOutputs;
import com.ivsstack.provider.model.realtime.EncoderConfigurationVideo;
import com.ivsstack.pulumi.value.PropertyValues;
import software.amazon.awssdk.services.ivsrealtime.model.CompositionSummary;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfiguration;
import software.amazon.awssdk.services.ivsrealtime.model.EncoderConfigurationSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ivs:realtime:EncoderConfiguration}: only tags update in place. IVS refuses to delete one that a composition
 * uses; the error names those compositions.
 */
public final class EncoderConfigurationResource
        extends CompositionConfigurationResource<EncoderConfigurationInputs, EncoderConfigurationOutputs> {

    public static final String TOKEN = EncoderConfigurationInputs.TOKEN;
    private static final long MAX_PIXELS = 2_073_600;
    private static final String VIDEO = EncoderConfigurationInputs.VIDEO;

    public EncoderConfigurationResource(ResourceContext context) {
        super(context, ResourceModels.ENCODER_CONFIGURATION);
    }

    @Override
    protected void validate(EncoderConfigurationInputs inputs, Validator validator) {
        validator.string(EncoderConfigurationInputs.NAME, inputs.name(), 0, 128, Validator.NAME_PATTERN,
                "an encoder configuration name has only letters, digits, - and _");
        var video = inputs.video();
        if (video == null) {
            return;
        }
        for (String dimension : new String[] {EncoderConfigurationVideo.WIDTH, EncoderConfigurationVideo.HEIGHT}) {
            Object value = video.get(dimension);
            validator.range(PropertyValues.path(VIDEO, dimension), value, 2, 1920);
            if (value instanceof Number n && n.longValue() % 2 != 0) {
                validator.fail(PropertyValues.path(VIDEO, dimension), n + " is odd: the " + dimension
                        + " must be an even number of pixels");
            }
        }
        // the values as given (a range check names the value it was given, whatever its kind)
        if (video.get(EncoderConfigurationVideo.WIDTH) instanceof Number w
                && video.get(EncoderConfigurationVideo.HEIGHT) instanceof Number h
                && w.longValue() * h.longValue() > MAX_PIXELS) {
            validator.fail(VIDEO, w + "x" + h + " has " + (w.longValue() * h.longValue())
                    + " pixels: width x height must be at most 2,073,600 (1920x1080 or 1080x1920)");
        }
        validator.range(PropertyValues.path(VIDEO, EncoderConfigurationVideo.FRAMERATE),
                video.get(EncoderConfigurationVideo.FRAMERATE), 1, 60);
        validator.range(PropertyValues.path(VIDEO, EncoderConfigurationVideo.BITRATE),
                video.get(EncoderConfigurationVideo.BITRATE), 1, 8_500_000);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        if (!normal.containsKey(VIDEO)) {
            normal.put(VIDEO, EncoderConfigurationVideo.builder()
                    .width(1280L).height(720L).framerate(30.0).bitrate(2_500_000L).build().asMap());
        }
        return normal;
    }

    @Override
    protected Live<EncoderConfigurationOutputs> create(EncoderConfigurationInputs inputs, Map<String, String> tags,
                                                       CreateRequest request) {
        var video = inputs.video();
        try {
            var configuration = api().realTime().createEncoderConfiguration(b -> {
                b.name(inputs.name()).tags(tags);
                if (video != null) {
                    b.video(v -> v
                            .width(toInteger(video.width()))
                            .height(toInteger(video.height()))
                            .framerate(video.framerate() == null ? null : video.framerate().floatValue())
                            .bitrate(toInteger(video.bitrate())));
                }
            }).encoderConfiguration();
            return new Live<>(configuration.arn(), outputs(configuration));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs.name(), request), e, null);
        }
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : value.intValue();
    }

    @Override
    protected Optional<Live<EncoderConfigurationOutputs>> read(String id, EncoderConfigurationInputs oldInputs,
                                                               EncoderConfigurationOutputs oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getEncoderConfiguration(b -> b.arn(id)).encoderConfiguration())
                .map(found -> new Live<>(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, EncoderConfigurationInputs oldInputs) {
        var summaries = api().realTime().listEncoderConfigurationsPaginator(b -> { }).stream()
                .flatMap(page -> page.encoderConfigurations().stream());
        return Ownership.find(summaries, EncoderConfigurationSummary::tags, EncoderConfigurationSummary::arn, urn);
    }

    @Override
    protected void deleteConfiguration(String arn) {
        api().realTime().deleteEncoderConfiguration(b -> b.arn(arn));
    }

    @Override
    protected List<String> compositionsUsing(String arn) {
        return runningCompositions(b -> b.filterByEncoderConfigurationArn(arn)).map(CompositionSummary::arn).toList();
    }

    private static EncoderConfigurationOutputs outputs(EncoderConfiguration configuration) {
        var outputs = EncoderConfigurationOutputs.builder()
                .arn(configuration.arn())
                .name(configuration.name());
        var video = configuration.video();
        if (video != null) {
            outputs.video(EncoderConfigurationVideo.builder()
                    .width(video.width())
                    .height(video.height())
                    .framerate(video.framerate())
                    .bitrate(video.bitrate())
                    .build());
        }
        return outputs.tags(configuration.tags() == null ? Map.of() : configuration.tags()).build();
    }
}
