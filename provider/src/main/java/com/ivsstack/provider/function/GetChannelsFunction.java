package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.ArnParser;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.resource.Ownership;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.provider.schema.Values;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ivs:index:getChannels}: channels by exact name, by recording configuration or by playback restriction policy
 * (IVS allows at most one filter), all pages.
 */
public final class GetChannelsFunction extends IvsFunction {

    public static final String TOKEN = "ivs:index:getChannels";

    public GetChannelsFunction(ResourceContext context) {
        super(context, TOKEN);
    }

    @Override
    protected void validate(Map<String, Object> args, List<CheckFailure> failures) {
        var filters = args.keySet().stream().filter(k -> args.get(k) != null).toList();
        if (filters.size() > 1) {
            failures.add(new CheckFailure(filters.get(1), "IVS filters channels by one criterion at a time; "
                    + "give only one of name, recordingConfigurationArn, playbackRestrictionPolicyArn (got "
                    + String.join(", ", filters) + ")"));
        }
        String name = Values.string(args, "name");
        if (name != null && !name.matches("[a-zA-Z0-9-_]{0,128}")) {
            failures.add(new CheckFailure("name", Values.show(name)
                    + " is not a channel name (0-128 letters, digits, - and _)"));
        }
        String recording = Values.string(args, "recordingConfigurationArn");
        if (recording != null && !ArnParser.isArnOf("recording-configuration", recording)) {
            failures.add(new CheckFailure("recordingConfigurationArn", Values.show(recording)
                    + " is not an IVS recording-configuration ARN"));
        }
        String policy = Values.string(args, "playbackRestrictionPolicyArn");
        if (policy != null && !ArnParser.isArnOf("playback-restriction-policy", policy)) {
            failures.add(new CheckFailure("playbackRestrictionPolicyArn", Values.show(policy)
                    + " is not an IVS playback-restriction-policy ARN"));
        }
    }

    @Override
    protected Map<String, Object> call(Map<String, Object> args) {
        var summaries = new ArrayList<Map<String, Object>>();
        var arns = new ArrayList<String>();
        try {
            api().ivs().listChannelsPaginator(b -> b
                            .filterByName(Values.string(args, "name"))
                            .filterByRecordingConfigurationArn(Values.string(args, "recordingConfigurationArn"))
                            .filterByPlaybackRestrictionPolicyArn(Values.string(args, "playbackRestrictionPolicyArn")))
                    .forEach(page -> page.channels().forEach(summary -> {
                        arns.add(summary.arn());
                        summaries.add(summary(summary));
                    }));
        } catch (IvsApiException e) {
            throw failure("Channel", "list", e);
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("arns", arns);
        result.put("channels", summaries);
        return result;
    }

    private static Map<String, Object> summary(ChannelSummary channel) {
        var map = new LinkedHashMap<String, Object>();
        map.put("arn", channel.arn());
        map.put("name", channel.name());
        map.put("type", channel.typeAsString());
        map.put("latencyMode", channel.latencyModeAsString());
        map.put("authorized", channel.authorized());
        map.put("insecureIngest", channel.insecureIngest());
        map.put("preset", channel.presetAsString() == null ? "" : channel.presetAsString());
        map.put("recordingConfigurationArn", channel.recordingConfigurationArn());
        map.put("playbackRestrictionPolicyArn", channel.playbackRestrictionPolicyArn());
        map.put("tags", new LinkedHashMap<String, Object>(Ownership.visible(channel.tags())));
        map.values().removeIf(v -> v == null);
        return map;
    }
}
