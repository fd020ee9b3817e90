package com.ivsstack.provider.aws;

/**
 * The IVS API rate quotas (per account and region; not adjustable), by family of operations. Calls are paced to stay
 * under them instead of running into throttling. The quotas are per operation; pacing per family is stricter and
 * keeps, for example, GetChannel polls from starving CreateChannel.
 */
public enum OperationFamily {
    CHANNEL(5),
    STREAM_KEY(5),
    STREAM(5),
    RECORDING_CONFIGURATION(3),
    PLAYBACK_KEY_PAIR(3),
    PLAYBACK_RESTRICTION_POLICY(5),
    TAGS(10),
    ENCODER_CONFIGURATION(5),
    STORAGE_CONFIGURATION(5),
    COMPOSITION(5);

    private final int transactionsPerSecond;

    OperationFamily(int transactionsPerSecond) {
        this.transactionsPerSecond = transactionsPerSecond;
    }

    public int transactionsPerSecond() {
        return transactionsPerSecond;
    }
}
