package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.GetChannelArgs;
import com.ivsstack.provider.model.GetChannelResult;
import com.ivsstack.provider.resource.ChannelResource;
import com.ivsstack.provider.resource.ResourceContext;

import java.util.List;

/** {@code ivs:index:getChannel}: a channel by ARN (read through the batching coalescer). */
public final class GetChannelFunction extends IvsFunction<GetChannelArgs> {

    public static final String TOKEN = GetChannelArgs.TOKEN;

    public GetChannelFunction(ResourceContext context) {
        super(context, FunctionModels.GET_CHANNEL);
    }

    @Override
    protected void validate(GetChannelArgs args, List<CheckFailure> failures) {
        requireArnOf("channel", GetChannelArgs.ARN, args.arn(), failures);
    }

    @Override
    protected GetChannelResult call(GetChannelArgs args) {
        String arn = args.arn();
        try {
            return api().reads().channel(arn).map(channel -> GetChannelResult.from(ChannelResource.outputs(channel).build()))
                    .orElseThrow(() -> notFound("Channel", arn));
        } catch (IvsApiException e) {
            throw failure("Channel", arn, e);
        }
    }
}
