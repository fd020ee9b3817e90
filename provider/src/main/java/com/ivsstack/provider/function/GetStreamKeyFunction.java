package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.GetStreamKeyArgs;
import com.ivsstack.provider.model.GetStreamKeyResult;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.resource.StreamKeyResource;

import java.util.List;

/** {@code ivs:index:getStreamKey}: a stream key by its ARN or by its channel's ARN; the value is secret. */
public final class GetStreamKeyFunction extends IvsFunction<GetStreamKeyArgs> {

    public static final String TOKEN = GetStreamKeyArgs.TOKEN;

    public GetStreamKeyFunction(ResourceContext context) {
        super(context, FunctionModels.GET_STREAM_KEY);
    }

    @Override
    protected void validate(GetStreamKeyArgs args, List<CheckFailure> failures) {
        String arn = args.arn();
        String channelArn = args.channelArn();
        if ((arn == null) == (channelArn == null)) {
            failures.add(new CheckFailure(arn == null ? GetStreamKeyArgs.ARN : GetStreamKeyArgs.CHANNEL_ARN,
                    "give exactly one of arn (the stream key's ARN) and channelArn (its channel's ARN)"));
        }
        requireArnOf("stream-key", GetStreamKeyArgs.ARN, arn, failures);
        requireArnOf("channel", GetStreamKeyArgs.CHANNEL_ARN, channelArn, failures);
    }

    @Override
    protected GetStreamKeyResult call(GetStreamKeyArgs args) {
        String arn = args.arn();
        String channelArn = args.channelArn();
        try {
            if (arn == null) {
                var keys = api().ivs().listStreamKeys(b -> b.channelArn(channelArn))
                        .streamKeys();
                if (keys.isEmpty()) {
                    throw notFound("StreamKey", "of channel " + channelArn);
                }
                arn = keys.get(0).arn();
            }
            String keyArn = arn;
            return api().reads().streamKey(keyArn).map(key -> GetStreamKeyResult.from(StreamKeyResource.outputs(key).build()))
                    .orElseThrow(() -> notFound("StreamKey", keyArn));
        } catch (IvsApiException e) {
            throw failure("StreamKey", arn != null ? arn : channelArn, e);
        }
    }
}
