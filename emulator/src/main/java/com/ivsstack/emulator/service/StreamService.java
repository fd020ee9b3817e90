package com.ivsstack.emulator.service;

import static com.ivsstack.emulator.service.Operation.ApiService.IVS;
import static com.ivsstack.emulator.validation.CommonShapes.arn;
import static com.ivsstack.emulator.validation.CommonShapes.maxResults;
import static com.ivsstack.emulator.validation.CommonShapes.nextToken;
import static com.ivsstack.emulator.validation.Shapes.enumOf;
import static com.ivsstack.emulator.validation.Shapes.string;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.store.StoredResourceType;
import com.ivsstack.emulator.store.StoredResource;
import com.ivsstack.emulator.validation.StructureShape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * IVS streams: GetStream, ListStreams, StopStream, PutMetadata, GetStreamSession, ListStreamSessions. There is no
 * real ingest, so streams start and stop through the admin API ({@link #startStream}, {@link #stopStream}).
 */
public final class StreamService {
    static final int RATE = 5;
    static final int MAX_METADATA_BYTES = 1024;

    static final StructureShape CHANNEL_ONLY = structure().required("channelArn", arn("channel"));
    static final StructureShape LIST = structure()
            .optional("filterBy", structure().optional("health", enumOf("HEALTHY", "STARVING", "UNKNOWN")))
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());
    static final StructureShape PUT_METADATA = structure()
            .required("channelArn", arn("channel"))
            .required("metadata", string().minLength(1).sensitive());
    static final StructureShape GET_SESSION = structure()
            .required("channelArn", arn("channel"))
            .optional("streamId", string().length(26, 26).pattern("^st-[a-zA-Z0-9]+$"));
    static final StructureShape LIST_SESSIONS = structure()
            .required("channelArn", arn("channel"))
            .optional("maxResults", maxResults(100))
            .optional("nextToken", nextToken());

    public void register(OperationRegistry registry) {
        registry.read(IVS, "GetStream", RATE, CHANNEL_ONLY, this::get);
        registry.read(IVS, "ListStreams", RATE, LIST, this::listStreams);
        registry.write(IVS, "StopStream", 200, RATE, CHANNEL_ONLY, this::stop);
        registry.write(IVS, "PutMetadata", 204, RATE, PUT_METADATA, this::putMetadata);
        registry.read(IVS, "GetStreamSession", RATE, GET_SESSION, this::getSession);
        registry.read(IVS, "ListStreamSessions", RATE, LIST_SESSIONS, this::listSessions);
    }

    /** Puts a channel live, as if a broadcaster connected with its stream key; returns the Stream document. */
    public ObjectNode startStream(RequestContext context, String channelArn, String health) {
        StoredResource channel = Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        if (context.store().liveStream(channelArn).isPresent()) {
            throw ApiException.conflict("Channel " + channelArn + " is already live");
        }
        String startTime = JsonDocuments.timestamp(context.now());
        ObjectNode stream = JsonDocuments.object();
        stream.put("channelArn", channelArn);
        stream.put("streamId", Ids.streamId());
        stream.put("playbackUrl", channel.document().get("playbackUrl").asText());
        stream.put("startTime", startTime);
        stream.put("state", "LIVE");
        stream.put("health", health == null ? "HEALTHY" : health);
        stream.put("viewerCount", 0L);
        context.store().putLiveStream(channelArn, stream);

        ObjectNode session = JsonDocuments.object();
        session.put("streamId", stream.get("streamId").asText());
        session.put("startTime", startTime);
        session.set("channel", channel.document().deepCopy());
        String recording = channel.document().path("recordingConfigurationArn").asText();
        context.store().get(StoredResourceType.RECORDING_CONFIGURATION, recording).ifPresent(
                r -> session.set("recordingConfiguration", RecordingConfigurationService.render(r, context.now())));
        session.set("ingestConfiguration", ingestConfiguration());
        ObjectNode ingest = session.putObject("ingestConfigurations");
        ingest.putArray("audioConfigurations").add(session.get("ingestConfiguration").get("audio").deepCopy());
        ingest.putArray("videoConfigurations").add(session.get("ingestConfiguration").get("video").deepCopy());
        session.putArray("truncatedEvents").add(event("Session Created", context));
        context.store().addSession(channelArn, session);
        return stream.deepCopy();
    }

    /** Ends a channel's live stream, as StopStream or a broadcaster disconnecting would. */
    public void stopStream(RequestContext context, String channelArn) {
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        if (context.store().liveStream(channelArn).isEmpty()) {
            throw notBroadcasting(channelArn);
        }
        context.store().removeLiveStream(channelArn);
        List<ObjectNode> sessions = context.store().sessions(channelArn);
        ObjectNode session = sessions.get(sessions.size() - 1);
        session.put("endTime", JsonDocuments.timestamp(context.now()));
        ((ArrayNode) session.get("truncatedEvents")).insert(0, event("Session Ended", context));
    }

    private JsonNode get(RequestContext context, ObjectNode input) {
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        ObjectNode response = JsonDocuments.object();
        response.set("stream", context.store().liveStream(channelArn)
                .orElseThrow(() -> notBroadcasting(channelArn)).deepCopy());
        return response;
    }

    private JsonNode listStreams(RequestContext context, ObjectNode input) {
        String health = input.path("filterBy").path("health").asText(null);
        Map<String, Long> channelOrder = context.store()
                .list(StoredResourceType.CHANNEL, context.arnPrefix(StoredResourceType.CHANNEL), r -> true).stream()
                .collect(Collectors.toMap(StoredResource::arn, StoredResource::sequence));
        List<ObjectNode> streams = new ArrayList<>(context.store().liveStreams().stream()
                .filter(s -> channelOrder.containsKey(s.get("channelArn").asText()))
                .filter(s -> health == null || health.equals(s.get("health").asText()))
                .toList());
        Function<ObjectNode, Long> order = s -> channelOrder.get(s.get("channelArn").asText());
        streams.sort(Comparator.comparing(order));
        return Resources.listResponse("streams", Pagination.page(streams, order::apply, input, 100),
                s -> Resources.pick(s, "channelArn", "health", "startTime", "state", "streamId", "viewerCount"));
    }

    private JsonNode stop(RequestContext context, ObjectNode input) {
        stopStream(context, input.get("channelArn").asText());
        return JsonDocuments.object();
    }

    private JsonNode putMetadata(RequestContext context, ObjectNode input) {
        String metadata = input.get("metadata").asText();
        int bytes = metadata.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw ApiException.validation("Value at 'metadata' failed to satisfy constraint: the payload is " + bytes
                    + " bytes, and PutMetadata takes at most " + MAX_METADATA_BYTES + " bytes per request");
        }
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        if (context.store().liveStream(channelArn).isEmpty()) {
            throw notBroadcasting(channelArn);
        }
        return null;
    }

    private JsonNode getSession(RequestContext context, ObjectNode input) {
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        List<ObjectNode> sessions = context.store().sessions(channelArn);
        String streamId = JsonDocuments.text(input, "streamId", null);
        ObjectNode session;
        if (streamId == null) {
            if (sessions.isEmpty()) {
                throw new ApiException(ErrorType.RESOURCE_NOT_FOUND, "Channel " + channelArn + " has no stream sessions");
            }
            session = sessions.get(sessions.size() - 1);
        } else {
            session = sessions.stream().filter(s -> streamId.equals(s.get("streamId").asText())).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorType.RESOURCE_NOT_FOUND,
                            "Stream session " + streamId + " of channel " + channelArn + " not found"));
        }
        ObjectNode response = JsonDocuments.object();
        response.set("streamSession", session.deepCopy());
        return response;
    }

    private JsonNode listSessions(RequestContext context, ObjectNode input) {
        String channelArn = input.get("channelArn").asText();
        Resources.require(context, StoredResourceType.CHANNEL, channelArn);
        List<ObjectNode> sessions = context.store().sessions(channelArn);
        // newest first; the key counts down so that later pages hold older sessions
        List<long[]> order = new ArrayList<>();
        for (int i = sessions.size() - 1; i >= 0; i--) {
            order.add(new long[] {sessions.size() - 1 - i, i});
        }
        return Resources.listResponse("streamSessions", Pagination.page(order, o -> o[0], input, 100), o -> {
            ObjectNode session = sessions.get((int) o[1]);
            ObjectNode summary = Resources.pick(session, "streamId", "startTime", "endTime");
            summary.put("hasErrorEvent", false);
            return summary;
        });
    }

    private static ApiException notBroadcasting(String channelArn) {
        return new ApiException(ErrorType.CHANNEL_NOT_BROADCASTING, "Channel " + channelArn + " is not broadcasting");
    }

    /** A stream event; {@code code}, which details error events (e.g. MultitrackInputNotAllowed), is "" here. */
    private static ObjectNode event(String name, RequestContext context) {
        ObjectNode event = JsonDocuments.object();
        event.put("name", name);
        event.put("type", "IVS Stream State Change");
        event.put("code", "");
        event.put("eventTime", JsonDocuments.timestamp(context.now()));
        return event;
    }

    /** What a typical broadcaster (OBS, 1080p30 H.264 + AAC stereo) reports on connect. */
    private static ObjectNode ingestConfiguration() {
        ObjectNode ingest = JsonDocuments.object();
        ObjectNode video = ingest.putObject("video");
        video.put("avcLevel", "4.2");
        video.put("avcProfile", "Baseline");
        video.put("codec", "avc1.42C02A");
        video.put("encoder", "Emulated encoder");
        video.put("level", "4.2");
        video.put("profile", "Baseline");
        video.put("targetBitrate", 6000000L);
        video.put("targetFramerate", 30L);
        video.put("track", "track0");
        video.put("videoHeight", 1080L);
        video.put("videoWidth", 1920L);
        ObjectNode audio = ingest.putObject("audio");
        audio.put("channels", 2L);
        audio.put("codec", "mp4a.40.2");
        audio.put("sampleRate", 48000L);
        audio.put("targetBitrate", 160000L);
        audio.put("track", "track0");
        return ingest;
    }
}
