package com.ivsstack.provider.resource;

import java.util.List;

/**
 * The registration of the resource types: one class per resource of schema.json. A new resource type is its schema
 * entry (which generates its models), its class, and one line here.
 */
public final class ResourceTypes {

    private ResourceTypes() {
    }

    public static List<IvsResource<?, ?>> of(ResourceContext context) {
        return List.of(
                new ChannelResource(context),
                new StreamKeyResource(context),
                new RecordingConfigurationResource(context),
                new PlaybackKeyPairResource(context),
                new PlaybackRestrictionPolicyResource(context),
                new EncoderConfigurationResource(context),
                new StorageConfigurationResource(context),
                new StageResource(context),
                new IngestConfigurationResource(context),
                new PublicKeyResource(context));
    }
}
