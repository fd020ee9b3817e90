package com.ivsstack.provider.resource;

import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.schema.Values;
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
public final class EncoderConfigurationResource extends CompositionConfigurationResource {

    public static final String TOKEN = "ivs:realtime:EncoderConfiguration";
    private static final long MAX_PIXELS = 2_073_600;

    public EncoderConfigurationResource(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> inputs, Validator validator) {
        validator.string("name", inputs.get("name"), 0, 128, Validator.NAME_PATTERN,
                "an encoder configuration name has only letters, digits, - and _");
        var video = Values.asMap(inputs.get("video"));
        if (video == null) {
            return;
        }
        for (String dimension : new String[] {"width", "height"}) {
            Object value = video.get(dimension);
            validator.range("video." + dimension, value, 2, 1920);
            if (value instanceof Number n && n.longValue() % 2 != 0) {
                validator.fail("video." + dimension, n + " is odd: the " + dimension + " must be an even number of pixels");
            }
        }
        if (video.get("width") instanceof Number w && video.get("height") instanceof Number h
                && w.longValue() * h.longValue() > MAX_PIXELS) {
            validator.fail("video", w + "x" + h + " has " + (w.longValue() * h.longValue())
                    + " pixels: width x height must be at most 2,073,600 (1920x1080 or 1080x1920)");
        }
        validator.range("video.framerate", video.get("framerate"), 1, 60);
        validator.range("video.bitrate", video.get("bitrate"), 1, 8_500_000);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> inputs) {
        var normal = new LinkedHashMap<>(super.normalize(inputs));
        if (!normal.containsKey("video")) {
            normal.put("video", Map.of("width", 1280L, "height", 720L, "framerate", 30.0, "bitrate", 2_500_000L));
        }
        return normal;
    }

    @Override
    protected Live create(Map<String, Object> inputs, Map<String, String> tags, CreateRequest request) {
        var video = Values.asMap(inputs.get("video"));
        try {
            var configuration = api().realTime().createEncoderConfiguration(b -> {
                b.name(Values.string(inputs, "name")).tags(tags);
                if (video != null) {
                    b.video(v -> v
                            .width(toInteger(Values.integer(video, "width")))
                            .height(toInteger(Values.integer(video, "height")))
                            .framerate(Values.number(video, "framerate") == null ? null : Values.number(video, "framerate").floatValue())
                            .bitrate(toInteger(Values.integer(video, "bitrate"))));
                }
            }).encoderConfiguration();
            return new Live(configuration.arn(), outputs(configuration));
        } catch (IvsApiException e) {
            throw failure("creating", subject(inputs, request), e, null);
        }
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : value.intValue();
    }

    @Override
    protected Optional<Live> read(String id, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
        return IvsApiException.emptyIfNotFound(() -> api().realTime().getEncoderConfiguration(b -> b.arn(id)).encoderConfiguration())
                .map(found -> new Live(id, outputs(found)));
    }

    @Override
    protected Optional<String> findOwned(String urn, Map<String, Object> oldInputs) {
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

    private static Map<String, Object> outputs(EncoderConfiguration configuration) {
        var outputs = new LinkedHashMap<String, Object>();
        outputs.put("arn", configuration.arn());
        outputs.put("name", configuration.name());
        var video = configuration.video();
        if (video != null) {
            var map = new LinkedHashMap<String, Object>();
            map.put("width", video.width() == null ? null : video.width().longValue());
            map.put("height", video.height() == null ? null : video.height().longValue());
            map.put("framerate", video.framerate() == null ? null : video.framerate().doubleValue());
            map.put("bitrate", video.bitrate() == null ? null : video.bitrate().longValue());
            map.values().removeIf(v -> v == null);
            outputs.put("video", map);
        }
        outputs.put("tags", configuration.tags() == null ? Map.of() : configuration.tags());
        return outputs;
    }
}
