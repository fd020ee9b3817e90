package com.ivsstack.emulator.service;

import com.ivsstack.emulator.store.Arn;
import com.ivsstack.emulator.store.EmulatorStore;
import com.ivsstack.emulator.store.StoredResourceType;
import java.time.Instant;

/**
 * What one request runs with: the caller's region (from the SigV4 credential scope), the account, the time the
 * request arrived, and the store.
 */
public record RequestContext(String region, String accountId, Instant now, EmulatorStore store,
                             EmulatorSettings settings) {

    public String newArn(StoredResourceType type) {
        return Arn.of(region, accountId, type, Ids.resourceId());
    }

    /** Lists only show what lives in the caller's account and region, as the service does. */
    public String arnPrefix(StoredResourceType type) {
        return "arn:aws:ivs:" + region + ":" + accountId + ":" + type.arnType() + "/";
    }

    public boolean ownsArn(String arn) {
        return arn.startsWith("arn:aws:ivs:" + region + ":" + accountId + ":");
    }
}
