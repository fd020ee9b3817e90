package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.REALTIME;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.name;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.CommonShapes.tags;
import static com.ivsstack.emulator.validation.Shapes.floating;
import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.List;

/** IVS RealTime encoder configurations: Create/Get/List/DeleteEncoderConfiguration. */
public final class EncoderConfigurationService {
    static final int RATE = 5;
    static final int MAX_PIXELS = 2_073_600;
    static final VideoSize DEFAULT_SIZE = new VideoSize(1280, 720);

    static final StructureShape CREATE = structure()
            .optional("name", name())
            .optional("video", structure()
                    .optional("width", integer(2, 1920))
                    .optional("height", integer(2, 1920))
                    .optional("framerate", floating(1, 60))
                    .optional("bitrate", integer(1, 8_500_000)))
            .optional("tags", tags());
    static final StructureShape GET = structure().required("arn", arn("encoder-configuration"));
    static final StructureShape LIST = structure()
            .optional("nextToken", nextToken())
            .optional("maxResults", maxResults(100));

    public void register(OperationRegistry registry) {
        registry.write(REALTIME, "CreateEncoderConfiguration", 200, RATE, CREATE, this::create);
        registry.read(REALTIME, "GetEncoderConfiguration", RATE, GET, this::get);
        registry.read(REALTIME, "ListEncoderConfigurations", RATE, LIST, this::listConfigurations);
        registry.write(REALTIME, "DeleteEncoderConfiguration", 200, RATE, GET, this::delete);
    }

    private JsonNode create(RequestContext context, ObjectNode input) {
        List<String> errors = Resources.errors();
        JsonNode videoInput = input.path("video");
        int width = videoInput.path("width").asInt(DEFAULT_SIZE.width());
        int height = videoInput.path("height").asInt(DEFAULT_SIZE.height());
        if (width % 2 != 0) {
            errors.add("Value '" + width + "' at 'video.width' failed to satisfy constraint: must be an even number");
        }
        if (height % 2 != 0) {
            errors.add("Value '" + height + "' at 'video.height' failed to satisfy constraint: must be an even number");
        }
        if ((long) width * height > MAX_PIXELS) {
            errors.add("Value '" + width + "x" + height + "' at 'video' failed to satisfy constraint: width times "
                    + "height must be at most " + MAX_PIXELS + " pixels (1920x1080 or 1080x1920)");
        }
        RequestValidator.fail(errors);
        Resources.requireBelowQuota(context, StoredResourceType.ENCODER_CONFIGURATION,
                context.settings().maxEncoderConfigurations(), "encoder configurations");
        String arn = context.newArn(StoredResourceType.ENCODER_CONFIGURATION);
        ObjectNode configuration = JsonDocuments.object();
        configuration.put("arn", arn);
        configuration.put("name", JsonDocuments.text(input, "name", ""));
        ObjectNode video = configuration.putObject("video");
        video.put("width", width);
        video.put("height", height);
        video.put("framerate", (float) videoInput.path("framerate").asDouble(30));
        video.put("bitrate", videoInput.path("bitrate").asInt(2_500_000));
        configuration.set("tags", Resources.tags(input));
        context.store().add(StoredResourceType.ENCODER_CONFIGURATION, arn, configuration, JsonDocuments.object());
        ObjectNode response = JsonDocuments.object();
        response.set("encoderConfiguration", configuration.deepCopy());
        return response;
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        return Resources.get(context, StoredResourceType.ENCODER_CONFIGURATION, input, "encoderConfiguration");
    }

    private JsonNode listConfigurations(RequestContext context, ObjectNode input) {
        return Resources.listAll(context, StoredResourceType.ENCODER_CONFIGURATION, input, "encoderConfigurations", 100,
                r -> Resources.pick(r.document(), "arn", "name", "tags"));
    }

    private JsonNode delete(RequestContext context, ObjectNode input) {
        String arn = input.get("arn").asText();
        Resources.require(context, StoredResourceType.ENCODER_CONFIGURATION, arn);
        CompositionService.activeCompositionUsing(context, arn).ifPresent(composition -> {
            throw ApiException.conflict("Encoder configuration " + arn + " is used by composition " + composition
                    + ": stop it (StopComposition) and wait until it has stopped, then delete");
        });
        context.store().remove(StoredResourceType.ENCODER_CONFIGURATION, arn);
        return JsonDocuments.object();
    }
}
