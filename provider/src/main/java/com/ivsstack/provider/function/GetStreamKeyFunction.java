package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.resource.StreamKeyResource;
import com.ivsstack.provider.schema.Values;

import java.util.List;
import java.util.Map;

/** {@code ivs:index:getStreamKey}: a stream key by its ARN or by its channel's ARN; the value is secret. */
public final class GetStreamKeyFunction extends IvsFunction {

    public static final String TOKEN = "ivs:index:getStreamKey";

    public GetStreamKeyFunction(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> args, List<CheckFailure> failures) {
        String arn = Values.string(args, "arn");
        String channelArn = Values.string(args, "channelArn");
        if ((arn == null) == (channelArn == null)) {
            failures.add(new CheckFailure(arn == null ? "arn" : "channelArn",
                    "give exactly one of arn (the stream key's ARN) and channelArn (its channel's ARN)"));
        }
        if (arn != null && !ArnParser.isArnOf("stream-key", arn)) {
            failures.add(new CheckFailure("arn", Values.show(arn) + " is not an IVS stream-key ARN"));
        }
        if (channelArn != null && !ArnParser.isArnOf("channel", channelArn)) {
            failures.add(new CheckFailure("channelArn", Values.show(channelArn) + " is not an IVS channel ARN"));
        }
    }

    @Override
    protected Map<String, Object> call(Map<String, Object> args) {
        String arn = Values.string(args, "arn");
        String channelArn = Values.string(args, "channelArn");
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
            return api().reads().streamKey(keyArn).map(StreamKeyResource::functionOutputs)
                    .orElseThrow(() -> notFound("StreamKey", keyArn));
        } catch (IvsApiException e) {
            throw failure("StreamKey", arn != null ? arn : channelArn, e);
        }
    }
}
