package com.ivsstack.provider.aws;

import java.util.HashMap;
import java.util.Map;

/**
 * The IVS and IVS RealTime rate quotas (per account and region, not adjustable), by the SDK's operation name. IVS
 * meters each operation on its own; the provider paces the operations of one resource type in one shared window,
 * which is stricter and keeps, for example, GetChannel polls from starving CreateChannel. Operations that run in bulk
 * beside the rest of their type (the batch reads, each tag operation) have a window of their own, so that they never
 * wait for the others. An operation not listed here is paced in a window of its own at {@value #DEFAULT_CALLS_PER_SECOND}
 * calls per second, the most common IVS quota.
 */
public final class OperationQuotas {

    /** The window a call is paced in and the calls per second that window allows. */
    public record Quota(String window, int callsPerSecond) {
    }

    static final int DEFAULT_CALLS_PER_SECOND = 5;

    private static final Map<String, Quota> BY_OPERATION = new HashMap<>();

    static {
        shared("Channel", 5, "CreateChannel", "GetChannel", "UpdateChannel", "DeleteChannel", "ListChannels");
        own(5, "BatchGetChannel");
        shared("StreamKey", 5, "CreateStreamKey", "GetStreamKey", "DeleteStreamKey", "ListStreamKeys");
        own(5, "BatchGetStreamKey");
        shared("Stream", 5, "GetStream", "StopStream");
        shared("RecordingConfiguration", 3, "CreateRecordingConfiguration", "GetRecordingConfiguration",
                "DeleteRecordingConfiguration", "ListRecordingConfigurations");
        shared("PlaybackKeyPair", 3, "ImportPlaybackKeyPair", "GetPlaybackKeyPair", "DeletePlaybackKeyPair",
                "ListPlaybackKeyPairs");
        shared("PlaybackRestrictionPolicy", 5, "CreatePlaybackRestrictionPolicy", "GetPlaybackRestrictionPolicy",
                "UpdatePlaybackRestrictionPolicy", "DeletePlaybackRestrictionPolicy", "ListPlaybackRestrictionPolicies");
        own(10, "TagResource", "UntagResource", "ListTagsForResource");
        shared("EncoderConfiguration", 5, "CreateEncoderConfiguration", "GetEncoderConfiguration",
                "DeleteEncoderConfiguration", "ListEncoderConfigurations");
        shared("StorageConfiguration", 5, "CreateStorageConfiguration", "GetStorageConfiguration",
                "DeleteStorageConfiguration", "ListStorageConfigurations");
        shared("Composition", 5, "GetComposition", "ListCompositions", "StartComposition", "StopComposition");
        // IVS RealTime stages, their sessions and participants: 5 TPS each, but CreateParticipantToken at 50
        shared("Stage", 5, "CreateStage", "GetStage", "UpdateStage", "DeleteStage", "ListStages");
        shared("StageSession", 5, "ListStageSessions", "GetStageSession", "ListParticipants", "GetParticipant",
                "ListParticipantEvents");
        own(5, "DisconnectParticipant");
        own(50, "CreateParticipantToken");
        shared("IngestConfiguration", 5, "CreateIngestConfiguration", "GetIngestConfiguration",
                "UpdateIngestConfiguration", "DeleteIngestConfiguration", "ListIngestConfigurations");
        shared("PublicKey", 3, "ImportPublicKey", "GetPublicKey", "DeletePublicKey", "ListPublicKeys");
    }

    private OperationQuotas() {
    }

    /** The quota of an operation, by the name the SDK gives it ({@code CreateChannel}). */
    public static Quota of(String operation) {
        var quota = BY_OPERATION.get(operation);
        return quota != null ? quota : new Quota(operation, DEFAULT_CALLS_PER_SECOND);
    }

    /** Whether the operation has a quota of its own here (otherwise it gets the default). */
    static boolean isListed(String operation) {
        return BY_OPERATION.containsKey(operation);
    }

    private static void shared(String window, int callsPerSecond, String... operations) {
        for (String operation : operations) {
            BY_OPERATION.put(operation, new Quota(window, callsPerSecond));
        }
    }

    private static void own(int callsPerSecond, String... operations) {
        for (String operation : operations) {
            BY_OPERATION.put(operation, new Quota(operation, callsPerSecond));
        }
    }
}
