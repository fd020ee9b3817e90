package com.ivsstack.bench.plugin;

import com.ivsstack.provider.aws.CallStrategy;

import java.util.Map;

/** The plugin's environment for each path: ours (the default), and the one-Get-per-resource baseline. */
public final class CallStrategies {

    private CallStrategies() {
    }

    public static Map<String, String> environment(CallStrategy strategy) {
        return Map.of(CallStrategy.ENVIRONMENT_VARIABLE, strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    public static String label(CallStrategy strategy) {
        return strategy == CallStrategy.QUOTA_AWARE ? "ours (paced, batched)" : "baseline (one Get per resource, unpaced, SDK retries)";
    }
}
