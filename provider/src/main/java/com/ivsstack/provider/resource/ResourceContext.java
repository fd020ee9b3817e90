package com.ivsstack.provider.resource;

import com.ivsstack.provider.ProviderConfig;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.aws.IvsApi;
import com.ivsstack.pulumi.schema.PackageSchema;

/**
 * What every resource type and function shares: the schema, the log, and (after configure) the configuration and
 * the AWS API. Resource types are built before configure, so they ask for the API at call time.
 */
public final class ResourceContext {

    private final PackageSchema schema;
    private final ProviderLog log;
    private volatile ProviderConfig config = ProviderConfig.defaults();
    private volatile IvsApi api;
    private volatile boolean cancelled;

    public ResourceContext(PackageSchema schema, ProviderLog log) {
        this.schema = schema;
        this.log = log;
    }

    public void configure(ProviderConfig config, IvsApi api) {
        this.config = config;
        this.api = api;
    }

    public PackageSchema schema() {
        return schema;
    }

    public ProviderLog log() {
        return log;
    }

    public ProviderConfig config() {
        return config;
    }

    public IvsApi api() {
        var current = api;
        if (current == null) {
            throw new ProviderException("the ivs provider is not configured yet; configure must come before any "
                    + "operation that calls AWS");
        }
        return current;
    }

    public boolean isConfigured() {
        return api != null;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
