package com.ivsstack.emulator.service;

import java.time.Duration;

/**
 * The behaviour knobs of the emulated services. The count quotas are per account and region, like AWS's.
 *
 * @param activationDelay how long a recording configuration stays CREATING (and a composition STARTING)
 * @param maxPlaybackKeyPairs playback key pairs (AWS: 3)
 * @param maxEncoderConfigurations RealTime encoder configurations (AWS: 20)
 * @param maxStages RealTime stages (AWS: 1,000)
 * @param maxIngestConfigurations RealTime ingest configurations (AWS: 100)
 * @param maxPublicKeys RealTime public keys (AWS: 3, not adjustable)
 */
public record EmulatorSettings(Duration activationDelay, int maxPlaybackKeyPairs, int maxEncoderConfigurations,
                               int maxStages, int maxIngestConfigurations, int maxPublicKeys) {

    /** Publishers on one stage at once (AWS: 12, not adjustable). */
    public static final int MAX_STAGE_PUBLISHERS = 12;

    public EmulatorSettings withActivationDelay(Duration delay) {
        return new EmulatorSettings(delay, maxPlaybackKeyPairs, maxEncoderConfigurations, maxStages,
                maxIngestConfigurations, maxPublicKeys);
    }
}
