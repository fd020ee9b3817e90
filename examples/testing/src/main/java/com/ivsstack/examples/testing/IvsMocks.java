package com.ivsstack.examples.testing;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulumi mocks that answer each {@code ivs:*} registration the way the provider would after a create: the
 * inputs back, plus the outputs IVS computes (ARN as the id, endpoints, stream key values). Values are derived
 * from the resource name, so a test can predict them and check the wiring between resources. Every
 * registration is kept, with the inputs exactly as the engine would receive them.
 */
public final class IvsMocks implements Mocks {

    public static final String REGION = "us-west-2";
    public static final String ACCOUNT = "123456789012";

    /** One resource the program declared: its token, its logical name and its serialized inputs. */
    public record Registration(String type, String name, Map<String, Object> inputs) {}

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (registrations.putIfAbsent(args.name, new Registration(args.type, args.name, Map.copyOf(withoutNulls(args.inputs)))) != null) {
            throw new IllegalStateException("two resources are named '" + args.name + "'; Pulumi needs unique names");
        }
        String arn = arnOf(args.type, args.name);
        Map<String, Object> state = new LinkedHashMap<>(withoutNulls(args.inputs));
        state.put("arn", arn);
        switch (args.type) {
            case "ivs:index:Channel" -> {
                state.put("ingestEndpoint", idOf(args.name) + ".global-contribute.live-video.net");
                state.put("playbackUrl", playbackUrlOf(args.name));
                state.put("streamKeyArn", arnOf("ivs:index:StreamKey", args.name + "-default"));
                state.put("streamKeyValue", streamKeyValueOf(args.name + "-default"));
            }
            case "ivs:index:StreamKey" -> state.put("value", streamKeyValueOf(args.name));
            case "ivs:index:RecordingConfiguration" -> state.put("state", "ACTIVE");
            case "ivs:index:PlaybackKeyPair", "ivs:realtime:PublicKey" -> state.put("fingerprint", "fp:" + idOf(args.name));
            case "ivs:realtime:Stage" -> {
                state.put("activeSessionId", "");
                state.put("endpoints", Map.of("events", "wss://global.events.live-video.net",
                        "whip", "https://" + idOf(args.name) + ".global-bm.whip.live-video.net",
                        "rtmp", "rtmp://" + idOf(args.name) + ".global-contribute-staging.live-video.net/app/",
                        "rtmps", rtmpsEndpointOf(args.name)));
            }
            case "ivs:realtime:IngestConfiguration" -> {
                state.put("participantId", idOf(args.name + "#participant"));
                state.put("state", "INACTIVE");
                state.put("streamKey", ingestStreamKeyOf(args.name));
            }
            default -> { }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(arn), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(Map.of());
    }

    public Map<String, Registration> registrations() {
        return Map.copyOf(registrations);
    }

    /** The registration named {@code name}; fails listing what was declared when there is none. */
    public Registration registration(String name) {
        Registration registration = registrations.get(name);
        if (registration == null) {
            throw new AssertionError("no resource named '" + name + "'; declared: " + registrations.keySet());
        }
        return registration;
    }

    public List<Registration> registrationsOfType(String type) {
        return registrations.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The ARN (and id) the mocks give a resource, so tests can check that others reference it. */
    public static String arnOf(String type, String name) {
        String kind = switch (type) {
            case "ivs:index:Channel" -> "channel";
            case "ivs:index:StreamKey" -> "stream-key";
            case "ivs:index:RecordingConfiguration" -> "recording-configuration";
            case "ivs:index:PlaybackKeyPair" -> "playback-key";
            case "ivs:index:PlaybackRestrictionPolicy" -> "playback-restriction-policy";
            case "ivs:realtime:EncoderConfiguration" -> "encoder-configuration";
            case "ivs:realtime:StorageConfiguration" -> "storage-configuration";
            case "ivs:realtime:Stage" -> "stage";
            case "ivs:realtime:IngestConfiguration" -> "ingest-configuration";
            case "ivs:realtime:PublicKey" -> "public-key";
            default -> throw new AssertionError("the mocks do not know resource type " + type);
        };
        return "arn:aws:ivs:" + REGION + ":" + ACCOUNT + ":" + kind + "/" + idOf(name);
    }

    public static String playbackUrlOf(String channelName) {
        return "https://" + idOf(channelName) + "." + REGION + ".playback.live-video.net/api/video/v1/" + REGION + "."
                + ACCOUNT + ".channel." + idOf(channelName) + ".m3u8";
    }

    public static String streamKeyValueOf(String streamKeyName) {
        return "sk_" + REGION + "_" + idOf(streamKeyName) + idOf(streamKeyName + "#");
    }

    public static String rtmpsEndpointOf(String stageName) {
        return "rtmps://" + idOf(stageName) + ".global-contribute-staging.live-video.net:443/app/";
    }

    public static String ingestStreamKeyOf(String ingestConfigurationName) {
        return "rt_" + ACCOUNT + "_" + REGION + "_" + idOf(ingestConfigurationName) + "_" + idOf(ingestConfigurationName + "#")
                + idOf(ingestConfigurationName + "##");
    }

    private static String idOf(String name) {
        return String.format("%012x", Integer.toUnsignedLong(name.hashCode()) * 7919L).substring(0, 12);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> inputs) {
        Map<String, Object> copy = new HashMap<>();
        inputs.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
