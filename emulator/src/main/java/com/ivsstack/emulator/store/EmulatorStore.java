package com.ivsstack.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * All state of the endpoint: resources by type and ARN, live streams, stream sessions and registered buckets.
 * Every API request runs as one transaction: {@link #read} for pure lookups (many at once), {@link #write} for
 * anything that changes state (one at a time), after which the state file, if any, is rewritten atomically.
 */
public final class EmulatorStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<StoredResourceType, Map<String, StoredResource>> tables = new EnumMap<>(StoredResourceType.class);
    /** Live streams by channel ARN: the Stream document. */
    private final Map<String, ObjectNode> liveStreams = new LinkedHashMap<>();
    /** Stream sessions by channel ARN, oldest first. */
    private final Map<String, List<ObjectNode>> streamSessions = new LinkedHashMap<>();
    /** S3 bucket name to region, registered through the admin API. */
    private final Map<String, String> bucketRegions = new LinkedHashMap<>();
    private final StateFile stateFile;
    private long sequence;

    public EmulatorStore(Path dataFile) {
        this.stateFile = dataFile == null ? null : new StateFile(dataFile);
        for (StoredResourceType type : StoredResourceType.values()) {
            tables.put(type, new LinkedHashMap<>());
        }
        if (stateFile != null) {
            stateFile.load().ifPresent(this::restore);
        }
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            T result = action.get();
            persist();
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    // --- resources (call inside read/write) ---

    public StoredResource add(StoredResourceType type, String arn, ObjectNode document, ObjectNode internal) {
        StoredResource resource = new StoredResource(type, arn, ++sequence, document, internal);
        tables.get(type).put(arn, resource);
        return resource;
    }

    public Optional<StoredResource> get(StoredResourceType type, String arn) {
        return Optional.ofNullable(tables.get(type).get(arn));
    }

    /** The resource with this ARN, whatever its type. */
    public Optional<StoredResource> find(String arn) {
        return Arn.parse(arn).flatMap(a -> StoredResourceType.ofArnType(a.resourceType())).flatMap(t -> get(t, arn));
    }

    public void remove(StoredResourceType type, String arn) {
        tables.get(type).remove(arn);
    }

    /** The resources of a type whose ARN starts with {@code arnPrefix} and that match, in creation order. */
    public List<StoredResource> list(StoredResourceType type, String arnPrefix, Predicate<StoredResource> filter) {
        List<StoredResource> result = new ArrayList<>();
        for (StoredResource resource : tables.get(type).values()) {
            if (resource.arn().startsWith(arnPrefix) && filter.test(resource)) {
                result.add(resource);
            }
        }
        result.sort(Comparator.comparingLong(StoredResource::sequence));
        return result;
    }

    public int count(StoredResourceType type, String arnPrefix) {
        return list(type, arnPrefix, r -> true).size();
    }

    // --- streams ---

    public Optional<ObjectNode> liveStream(String channelArn) {
        return Optional.ofNullable(liveStreams.get(channelArn));
    }

    public List<ObjectNode> liveStreams() {
        return new ArrayList<>(liveStreams.values());
    }

    public void putLiveStream(String channelArn, ObjectNode stream) {
        liveStreams.put(channelArn, stream);
    }

    public void removeLiveStream(String channelArn) {
        liveStreams.remove(channelArn);
    }

    /** The channel's stream sessions, oldest first (read-only view; safe under the read lock). */
    public List<ObjectNode> sessions(String channelArn) {
        return Collections.unmodifiableList(streamSessions.getOrDefault(channelArn, List.of()));
    }

    public void addSession(String channelArn, ObjectNode session) {
        streamSessions.computeIfAbsent(channelArn, k -> new ArrayList<>()).add(session);
    }

    public void removeSessions(String channelArn) {
        streamSessions.remove(channelArn);
    }

    // --- buckets ---

    public Optional<String> bucketRegion(String bucketName) {
        return Optional.ofNullable(bucketRegions.get(bucketName));
    }

    public void registerBucket(String bucketName, String region) {
        bucketRegions.put(bucketName, region);
    }

    // --- whole state ---

    /** Forgets everything (and rewrites the state file, if any). */
    public void clear() {
        write(() -> {
            tables.values().forEach(Map::clear);
            liveStreams.clear();
            streamSessions.clear();
            bucketRegions.clear();
            sequence = 0;
        });
    }

    /** The whole state as one JSON document: what the state file holds and the admin dump shows. */
    public ObjectNode snapshot() {
        return read(this::toJson);
    }

    private ObjectNode toJson() {
        ObjectNode root = JsonDocuments.object();
        root.put("formatVersion", 1);
        root.put("sequence", sequence);
        ObjectNode resources = root.putObject("resources");
        tables.forEach((type, table) -> {
            ArrayNode items = resources.putArray(type.arnType());
            for (StoredResource resource : table.values()) {
                ObjectNode item = items.addObject();
                item.put("arn", resource.arn());
                item.put("sequence", resource.sequence());
                item.set("document", resource.document());
                item.set("internal", resource.internal());
            }
        });
        ObjectNode streams = root.putObject("liveStreams");
        liveStreams.forEach(streams::set);
        ObjectNode sessions = root.putObject("streamSessions");
        streamSessions.forEach((channel, list) -> sessions.putArray(channel).addAll(list));
        ObjectNode buckets = root.putObject("buckets");
        bucketRegions.forEach(buckets::put);
        return root;
    }

    private void restore(JsonNode root) {
        sequence = root.path("sequence").asLong();
        JsonNode resources = root.path("resources");
        for (Map.Entry<String, JsonNode> entry : resources.properties()) {
            StoredResourceType type = StoredResourceType.ofArnType(entry.getKey()).orElseThrow(() -> new IllegalStateException(
                    "state file " + stateFile.path() + " has unknown resource type '" + entry.getKey()
                            + "'; it was written by a newer emulator, or edited by hand"));
            for (JsonNode item : entry.getValue()) {
                String arn = item.path("arn").asText();
                tables.get(type).put(arn, new StoredResource(type, arn, item.path("sequence").asLong(),
                        (ObjectNode) item.get("document"), (ObjectNode) item.get("internal")));
            }
        }
        root.path("liveStreams").properties().forEach(e -> liveStreams.put(e.getKey(), (ObjectNode) e.getValue()));
        root.path("streamSessions").properties().forEach(e -> {
            List<ObjectNode> list = new ArrayList<>();
            e.getValue().forEach(n -> list.add((ObjectNode) n));
            streamSessions.put(e.getKey(), list);
        });
        root.path("buckets").properties().forEach(e -> bucketRegions.put(e.getKey(), e.getValue().asText()));
    }

    private void persist() {
        if (stateFile != null) {
            stateFile.save(toJson());
        }
    }
}
