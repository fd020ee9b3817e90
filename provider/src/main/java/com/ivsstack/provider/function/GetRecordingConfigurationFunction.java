package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.GetRecordingConfigurationArgs;
import com.ivsstack.provider.model.GetRecordingConfigurationResult;
import com.ivsstack.provider.resource.RecordingConfigurationResource;
import com.ivsstack.provider.resource.ResourceContext;

import java.util.List;

/** {@code ivs:index:getRecordingConfiguration}: a recording configuration by ARN. */
public final class GetRecordingConfigurationFunction extends IvsFunction<GetRecordingConfigurationArgs> {

    public static final String TOKEN = GetRecordingConfigurationArgs.TOKEN;

    public GetRecordingConfigurationFunction(ResourceContext context) {
        super(context, FunctionModels.GET_RECORDING_CONFIGURATION);
    }

    @Override
    protected void validate(GetRecordingConfigurationArgs args, List<CheckFailure> failures) {
        requireArnOf("recording-configuration", GetRecordingConfigurationArgs.ARN, args.arn(), failures);
    }

    @Override
    protected GetRecordingConfigurationResult call(GetRecordingConfigurationArgs args) {
        String arn = args.arn();
        return readByArn("RecordingConfiguration", arn, () -> GetRecordingConfigurationResult.from(
                RecordingConfigurationResource.outputs(api().ivs().getRecordingConfiguration(b -> b.arn(arn)).recordingConfiguration())));
    }
}
