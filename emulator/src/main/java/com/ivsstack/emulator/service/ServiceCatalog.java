package com.ivsstack.emulator.service;

/** Every resource service of both APIs, wired together, and the registry of their operations. */
public final class ServiceCatalog {
    private final OperationRegistry registry = new OperationRegistry();
    private final StreamService streams = new StreamService();
    private final StageSessionService stageSessions = new StageSessionService();
    private final IngestConfigurationService ingestConfigurations = new IngestConfigurationService();

    public ServiceCatalog() {
        StreamKeyService streamKeys = new StreamKeyService();
        new ChannelService(streamKeys).register(registry);
        streamKeys.register(registry);
        streams.register(registry);
        new RecordingConfigurationService().register(registry);
        new PlaybackKeyPairService().register(registry);
        new PlaybackRestrictionPolicyService().register(registry);
        new ViewerSessionService().register(registry);
        new TagService().register(registry);
        new EncoderConfigurationService().register(registry);
        new StorageConfigurationService().register(registry);
        new StageService().register(registry);
        new CompositionService().register(registry);
        new PublicKeyService().register(registry);
        stageSessions.register(registry);
        ingestConfigurations.register(registry);
    }

    public OperationRegistry registry() {
        return registry;
    }

    public StreamService streams() {
        return streams;
    }

    public StageSessionService stageSessions() {
        return stageSessions;
    }

    public IngestConfigurationService ingestConfigurations() {
        return ingestConfigurations;
    }
}
