package com.ivsstack.emulator.service;

import java.time.Duration;

/**
 * The behaviour knobs of the emulated services.
 *
 * @param activationDelay how long a recording configuration stays CREATING (and a composition STARTING)
 * @param maxPlaybackKeyPairs playback key pairs per account and region (AWS: 3)
 * @param maxEncoderConfigurations RealTime encoder configurations per account and region (AWS: 20)
 */
public record EmulatorSettings(Duration activationDelay, int maxPlaybackKeyPairs, int maxEncoderConfigurations) {
}
