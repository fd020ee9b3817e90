package com.ivsstack.engine.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "cloud" behind the fake provider: objects by id, each remembering the URN that created it (the ownership
 * tag) and its properties; a log of mutating calls for ordering assertions. Optionally persisted to a file so a
 * killed engine process and the test share it.
 */
public final class FakeCloud {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record CloudObject(String id, String type, String ownerUrn, Map<String, Object> properties) {
    }

    private final Path file;
    private final Map<String, CloudObject> objects = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, String> blockedDeletes = new LinkedHashMap<>();
    private int counter;

    public FakeCloud(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                Map<String, Object> root = JSON.readValue(file.toFile(), new TypeReference<>() {});
                counter = ((Number) root.get("counter")).intValue();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("objects");
                for (Map<String, Object> o : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) o.get("properties");
                    objects.put((String) o.get("id"), new CloudObject((String) o.get("id"), (String) o.get("type"),
                            (String) o.get("ownerUrn"), props));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public FakeCloud() {
        this(null);
    }

    public synchronized String nextId(String type) {
        counter++;
        String kind = type.substring(type.lastIndexOf(':') + 1);
        return "arn:fake:ivs:" + kind.toLowerCase() + "/" + counter;
    }

    public synchronized void put(CloudObject object, String call) {
        objects.put(object.id(), object);
        calls.add(call);
        persist();
    }

    public synchronized void remove(String id, String call) {
        objects.remove(id);
        calls.add(call);
        persist();
    }

    public synchronized Optional<CloudObject> get(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    public synchronized Optional<CloudObject> ownedBy(String urn) {
        return objects.values().stream().filter(o -> urn.equals(o.ownerUrn())).findFirst();
    }

    public synchronized List<CloudObject> objects() {
        return List.copyOf(objects.values());
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    /** Makes every delete of the object fail with {@code reason} (as IVS refuses a live channel), until unblocked. */
    public synchronized void blockDeletes(String id, String reason) {
        blockedDeletes.put(id, reason);
    }

    public synchronized void unblockDeletes(String id) {
        blockedDeletes.remove(id);
    }

    /** Why a delete of the object would fail now, if it would. */
    public synchronized Optional<String> deleteBlocker(String id) {
        return Optional.ofNullable(blockedDeletes.get(id));
    }

    /** Changes a property behind the engine's back (an out-of-band edit). */
    public synchronized void edit(String id, String property, Object value) {
        CloudObject o = objects.get(id);
        Map<String, Object> props = new LinkedHashMap<>(o.properties());
        props.put(property, value);
        objects.put(id, new CloudObject(o.id(), o.type(), o.ownerUrn(), props));
        persist();
    }

    private void persist() {
        if (file == null) {
            return;
        }
        try {
            List<Map<String, Object>> list = new ArrayList<>();
            for (CloudObject o : objects.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", o.id());
                m.put("type", o.type());
                m.put("ownerUrn", o.ownerUrn());
                m.put("properties", o.properties());
                list.add(m);
            }
            Map<String, Object> root = Map.of("counter", counter, "objects", list);
            Path tmp = Files.createTempFile(file.getParent(), "cloud", ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
