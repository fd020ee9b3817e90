package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.GetRecordingConfigurationArgs;
import com.ivsstack.provider.model.GetRecordingConfigurationResult;
import com.ivsstack.provider.resource.RecordingConfigurationResource;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.List;

/** {@code ivs:index:getRecordingConfiguration}: a recording configuration by ARN. */
public final class GetRecordingConfigurationFunction extends IvsFunction<GetRecordingConfigurationArgs> {

    public static final String TOKEN = GetRecordingConfigurationArgs.TOKEN;

    public GetRecordingConfigurationFunction(ResourceContext context) {
        super(context, FunctionModels.GET_RECORDING_CONFIGURATION);
    }

    @Override
    protected void validate(GetRecordingConfigurationArgs args, List<CheckFailure> failures) {
        String arn = args.arn();
        if (arn != null && !ArnParser.isArnOf("recording-configuration", arn)) {
            failures.add(new CheckFailure(GetRecordingConfigurationArgs.ARN, PropertyValues.show(arn)
                    + " is not an IVS recording-configuration ARN"));
        }
    }

    @Override
    protected GetRecordingConfigurationResult call(GetRecordingConfigurationArgs args) {
        String arn = args.arn();
        try {
            return GetRecordingConfigurationResult.from(RecordingConfigurationResource.outputs(
                    api().ivs().getRecordingConfiguration(b -> b.arn(arn)).recordingConfiguration()));
        } catch (IvsApiException e) {
            if (e.is(IvsApiException.Kind.NOT_FOUND)) {
                throw notFound("RecordingConfiguration", arn);
            }
            throw failure("RecordingConfiguration", arn, e);
        }
    }
}
