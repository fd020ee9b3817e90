package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.resource.RecordingConfigurationResource;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.schema.Values;

import java.util.List;
import java.util.Map;

/** {@code ivs:index:getRecordingConfiguration}: a recording configuration by ARN. */
public final class GetRecordingConfigurationFunction extends IvsFunction {

    public static final String TOKEN = "ivs:index:getRecordingConfiguration";

    public GetRecordingConfigurationFunction(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> args, List<CheckFailure> failures) {
        String arn = Values.string(args, "arn");
        if (arn != null && !ArnParser.isArnOf("recording-configuration", arn)) {
            failures.add(new CheckFailure("arn", Values.show(arn) + " is not an IVS recording-configuration ARN"));
        }
    }

    @Override
    protected Map<String, Object> call(Map<String, Object> args) {
        String arn = Values.string(args, "arn");
        try {
            return RecordingConfigurationResource.outputs(api().ivs().getRecordingConfiguration(b -> b.arn(arn)).recordingConfiguration());
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                throw notFound("RecordingConfiguration", arn);
            }
            throw failure("RecordingConfiguration", arn, e);
        }
    }
}
