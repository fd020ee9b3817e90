package com.ivsstack.provider.function;

import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.aws.IvsApiException;
import com.ivsstack.provider.model.ChannelSummary;
import com.ivsstack.provider.model.FunctionModels;
import com.ivsstack.provider.model.GetChannelsArgs;
import com.ivsstack.provider.model.GetChannelsResult;
import com.ivsstack.provider.resource.ChannelResource;
import com.ivsstack.provider.resource.Ownership;
import com.ivsstack.provider.resource.ResourceContext;
import com.ivsstack.pulumi.value.PropertyValues;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ivs:index:getChannels}: channels by exact name, by recording configuration or by playback restriction policy
 * (IVS allows at most one filter), all pages.
 */
public final class GetChannelsFunction extends IvsFunction<GetChannelsArgs> {

    public static final String TOKEN = GetChannelsArgs.TOKEN;

    public GetChannelsFunction(ResourceContext context) {
        super(context, FunctionModels.GET_CHANNELS);
    }

    @Override
    protected void validate(GetChannelsArgs args, List<CheckFailure> failures) {
        var filters = args.asMap().keySet().stream().filter(k -> args.get(k) != null).toList();
        if (filters.size() > 1) {
            failures.add(new CheckFailure(filters.get(1), "IVS filters channels by one criterion at a time; "
                    + "give only one of name, recordingConfigurationArn, playbackRestrictionPolicyArn (got "
                    + String.join(", ", filters) + ")"));
        }
        String name = args.name();
        if (name != null && !name.matches("[a-zA-Z0-9-_]{0,128}")) {
            failures.add(new CheckFailure(GetChannelsArgs.NAME, PropertyValues.show(name)
                    + " is not a channel name (0-128 letters, digits, - and _)"));
        }
        requireArnOf("recording-configuration", GetChannelsArgs.RECORDING_CONFIGURATION_ARN,
                args.recordingConfigurationArn(), failures);
        requireArnOf("playback-restriction-policy", GetChannelsArgs.PLAYBACK_RESTRICTION_POLICY_ARN,
                args.playbackRestrictionPolicyArn(), failures);
    }

    @Override
    protected GetChannelsResult call(GetChannelsArgs args) {
        var summaries = new ArrayList<ChannelSummary>();
        var arns = new ArrayList<String>();
        try {
            api().ivs().listChannelsPaginator(b -> b
                            .filterByName(args.name())
                            .filterByRecordingConfigurationArn(args.recordingConfigurationArn())
                            .filterByPlaybackRestrictionPolicyArn(args.playbackRestrictionPolicyArn()))
                    .forEach(page -> page.channels().forEach(listed -> {
                        arns.add(listed.arn());
                        summaries.add(summary(listed));
                    }));
        } catch (IvsApiException e) {
            throw failure("Channel", "list", e);
        }
        return GetChannelsResult.builder().arns(arns).channels(summaries).build();
    }

    /**
     * A listed channel as a summary: the channel's outputs for the properties a summary has, with its tags (the
     * ownership tag hidden) and, as ListChannels gives it, "" for no preset.
     */
    private static ChannelSummary summary(software.amazon.awssdk.services.ivs.model.ChannelSummary listed) {
        var channel = ChannelResource.outputs(listed).build();
        var summary = ChannelSummary.from(channel).toBuilder().tags(Ownership.visible(channel.tags()));
        if (channel.preset() == null) {
            summary.preset("");
        }
        return summary.build();
    }
}
