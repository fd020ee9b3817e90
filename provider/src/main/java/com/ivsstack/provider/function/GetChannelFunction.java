package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.resource.ChannelResource;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.schema.Values;

import java.util.List;
import java.util.Map;

/** {@code ivs:index:getChannel}: a channel by ARN (read through the batching coalescer). */
public final class GetChannelFunction extends IvsFunction {

    public static final String TOKEN = "ivs:index:getChannel";

    public GetChannelFunction(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> args, List<CheckFailure> failures) {
        String arn = Values.string(args, "arn");
        if (arn != null && !ArnParser.isArnOf("channel", arn)) {
            failures.add(new CheckFailure("arn", Values.show(arn) + " is not an IVS channel ARN"));
        }
    }

    @Override
    protected Map<String, Object> call(Map<String, Object> args) {
        String arn = Values.string(args, "arn");
        try {
            return api().reads().channel(arn).map(ChannelResource::outputs).orElseThrow(() -> notFound("Channel", arn));
        } catch (IvsApiException e) {
            throw failure("Channel", arn, e);
        }
    }
}
