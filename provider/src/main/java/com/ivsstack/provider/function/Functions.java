package com.ivsstack.provider.function;

import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.resource.ResourceContext;

import java.util.List;

/** The registration of the functions: one class per function of schema.json. */
public final class Functions {

    private Functions() {
    }

    public static List<ProviderFunction> of(ResourceContext context) {
        return List.of(
                new GetChannelFunction(context),
                new GetStreamKeyFunction(context),
                new GetRecordingConfigurationFunction(context),
                new GetChannelsFunction(context),
                new GetStageFunction(context),
                new GetStagesFunction(context),
                new GetIngestConfigurationFunction(context));
    }
}
