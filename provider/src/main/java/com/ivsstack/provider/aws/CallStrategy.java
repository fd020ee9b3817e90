package com.ivsstack.provider.aws;

import java.util.Locale;

/**
 * How the provider spends the IVS API quotas. {@link #QUOTA_AWARE} is what users get; {@link #ONE_BY_ONE} exists so
 * the benchmark (bench/) can compare it, in the same run, with the strategy of the other IaC tools.
 */
public enum CallStrategy {
    /** Calls paced under the quotas, concurrent reads coalesced into batch calls, throttling retried patiently. */
    QUOTA_AWARE,
    /** One Get per resource, no pacing, the SDK's default retries: the baseline of the benchmark, never a default. */
    ONE_BY_ONE;

    /** The environment variable that selects the strategy of the plugin process; unset means QUOTA_AWARE. */
    public static final String ENVIRONMENT_VARIABLE = "PULUMI_IVS_CALL_STRATEGY";

    /** Reads {@value #ENVIRONMENT_VARIABLE} ({@code quota-aware} or {@code one-by-one}). */
    public static CallStrategy fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return QUOTA_AWARE;
        }
        String normal = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (var strategy : values()) {
            if (strategy.name().equals(normal)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + "=" + value
                + " is not a call strategy: use quota-aware (the default) or one-by-one");
    }
}
