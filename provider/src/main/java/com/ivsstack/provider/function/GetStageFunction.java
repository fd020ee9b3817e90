package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.realtime.GetStageArgs;
import com.ivsstack.provider.model.realtime.GetStageResult;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.resource.StageResource;

import java.util.List;

/** {@code ivs:realtime:getStage}: an IVS RealTime stage by ARN. */
public final class GetStageFunction extends IvsFunction<GetStageArgs> {

    public static final String TOKEN = GetStageArgs.TOKEN;

    public GetStageFunction(ResourceContext context) {
        super(context, FunctionModels.GET_STAGE);
    }

    @Override
    protected void validate(GetStageArgs args, List<CheckFailure> failures) {
        requireArnOf("stage", GetStageArgs.ARN, args.arn(), failures);
    }

    @Override
    protected GetStageResult call(GetStageArgs args) {
        String arn = args.arn();
        return readByArn("Stage", arn, () -> GetStageResult.from(
                StageResource.outputs(api().realTime().getStage(b -> b.arn(arn)).stage())));
    }
}
