package com.ivsstack.emulator.store;

import java.util.Arrays;
import java.util.Optional;

/** The type of a {@link StoredResource}: every resource type the endpoint keeps, by the resource part of its ARN. */
public enum StoredResourceType {
    CHANNEL("channel", false),
    STREAM_KEY("stream-key", false),
    RECORDING_CONFIGURATION("recording-configuration", false),
    PLAYBACK_KEY_PAIR("playback-key", false),
    PLAYBACK_RESTRICTION_POLICY("playback-restriction-policy", false),
    STAGE("stage", true),
    COMPOSITION("composition", true),
    ENCODER_CONFIGURATION("encoder-configuration", true),
    STORAGE_CONFIGURATION("storage-configuration", true),
    PUBLIC_KEY("public-key", true),
    INGEST_CONFIGURATION("ingest-configuration", true);

    private final String arnType;
    private final boolean realTime;

    StoredResourceType(String arnType, boolean realTime) {
        this.arnType = arnType;
        this.realTime = realTime;
    }

    /** The ARN's resource type, e.g. {@code recording-configuration}. */
    public String arnType() {
        return arnType;
    }

    /** Whether the resource belongs to IVS RealTime (otherwise to IVS low-latency). */
    public boolean realTime() {
        return realTime;
    }

    public static Optional<StoredResourceType> ofArnType(String arnType) {
        return Arrays.stream(values()).filter(t -> t.arnType.equals(arnType)).findFirst();
    }
}
