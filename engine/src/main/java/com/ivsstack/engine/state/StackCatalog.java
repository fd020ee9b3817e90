package com.ivsstack.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.engine.state.backend.BackendLock;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.DiyLayout;
import com.ivsstack.engine.state.backend.StateBackend;
import com.ivsstack.engine.state.backend.UpdateRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stacks of one project on a backend, for the commands a shared backend needs: {@code stack ls},
 * {@code stack rm}, {@code stack history} and {@code cancel}. Everything is read and written in Pulumi's DIY layout,
 * so the Pulumi CLI's {@code stack ls}, {@code stack history} and {@code cancel} see the same.
 */
public final class StackCatalog implements AutoCloseable {
    private final StateBackend backend;
    private final BlobStore store;
    private final String project;

    public StackCatalog(StateBackend backend, String project) {
        this.backend = backend;
        this.store = backend.store();
        this.project = project;
    }

    public StateBackend backend() {
        return backend;
    }

    /** A stack as {@code stack ls} shows it. */
    public record StackSummary(String name, Optional<Instant> lastUpdate, int resources, boolean locked) {
    }

    /** The project's stacks, by name: each one's last update (its newest history record) and resource count. */
    public List<StackSummary> list() {
        String prefix = DiyLayout.stacksOf(project);
        List<StackSummary> stacks = new ArrayList<>();
        for (BlobStore.Entry entry : store.list(prefix)) {
            String file = entry.key().substring(prefix.length());
            if (file.contains("/") || !file.endsWith(".json")) {
                continue; // backups, tags, timestamped copies
            }
            String name = file.substring(0, file.length() - ".json".length());
            DiyLayout layout = new DiyLayout(project, name);
            Optional<Instant> lastUpdate = history(name).stream().findFirst()
                    .map(r -> Instant.ofEpochSecond(r.endTime()));
            int resources = store.read(layout.checkpoint()).map(b -> resourceCount(b.data())).orElse(0);
            boolean locked = !store.list(layout.lockDirectory()).isEmpty();
            stacks.add(new StackSummary(name, lastUpdate.isPresent() ? lastUpdate : Optional.of(entry.modified()),
                    resources, locked));
        }
        stacks.sort(Comparator.comparing(StackSummary::name));
        return stacks;
    }

    /** The resources of a checkpoint as Pulumi counts them: every entry of its deployment. */
    private static int resourceCount(byte[] checkpoint) {
        try {
            return CheckpointCodec.JSON.readTree(checkpoint).path("checkpoint").path("latest").path("resources").size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The stack's updates, newest first, as Pulumi's {@code stack history} reads them. */
    public List<UpdateRecord> history(String stack) {
        DiyLayout layout = new DiyLayout(project, stack);
        List<BlobStore.Entry> records = new ArrayList<>(store.list(layout.historyDirectory()).stream()
                .filter(e -> e.key().endsWith(".history.json")).toList());
        records.sort(Comparator.comparing(BlobStore.Entry::key).reversed());
        List<UpdateRecord> history = new ArrayList<>();
        for (BlobStore.Entry entry : records) {
            store.read(entry.key()).ifPresent(b -> history.add(UpdateRecord.parse(b.data(), entry.key())));
        }
        return history;
    }

    /** The cloud resources a stack's state holds: custom resources other than providers. */
    public List<String> resources(String stack) {
        Optional<BlobStore.Blob> checkpoint = store.read(new DiyLayout(project, stack).checkpoint());
        List<String> urns = new ArrayList<>();
        if (checkpoint.isPresent()) {
            try {
                for (JsonNode r : CheckpointCodec.JSON.readTree(checkpoint.get().data()).path("checkpoint").path("latest").path("resources")) {
                    if (r.path("custom").asBoolean() && !r.path("type").asText().startsWith("pulumi:providers:")) {
                        urns.add(r.path("urn").asText());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the checkpoint of stack '" + stack + "' is not valid JSON: " + e.getMessage(), e);
            }
        }
        return urns;
    }

    public boolean exists(String stack) {
        return store.read(new DiyLayout(project, stack).checkpoint()).isPresent();
    }

    /**
     * Removes a stack as Pulumi's {@code stack rm} does, under the stack's lock: its history and tags are deleted,
     * and its checkpoint becomes {@code <stack>.json.bak}. Refused while the state holds cloud resources, unless
     * {@code force}: those resources stay in the cloud, no longer managed.
     *
     * @return the cloud resources the removed state held
     */
    public List<String> remove(String stack, boolean force) {
        DiyLayout layout = new DiyLayout(project, stack);
        if (!exists(stack)) {
            throw new IllegalArgumentException("stack '" + stack + "' has no state in " + backend.url());
        }
        CheckpointStore checkpoints = new CheckpointStore(backend, null, "organization", project, stack,
                new SecretsManager(() -> {
                    throw new IllegalStateException("removing a stack reads no secret");
                }, null));
        try (StackLock lock = StackLock.acquire(checkpoints, "ivsstack stack rm")) {
            List<String> resources = resources(stack);
            if (!resources.isEmpty() && !force) {
                throw new IllegalStateException("stack '" + stack + "' still holds " + resources.size() + " resource"
                        + (resources.size() == 1 ? "" : "s") + " (" + String.join(", ", resources.subList(0,
                        Math.min(3, resources.size()))) + (resources.size() > 3 ? ", ..." : "") + "): run ivsstack destroy "
                        + "first, or pass --force to remove the stack and leave them in the cloud, unmanaged");
            }
            for (BlobStore.Entry entry : store.list(layout.historyDirectory())) {
                store.delete(entry.key());
            }
            store.delete(layout.tags());
            store.copy(layout.checkpoint(), layout.backup());
            store.delete(layout.checkpoint());
            return resources;
        }
    }

    /** The stack's locks: each lock file and who wrote it. */
    public List<String> locks(String stack) {
        return BackendLock.holders(store, new DiyLayout(project, stack));
    }

    /** Removes the stack's locks; refused while a store that can tell says the holder still runs. */
    public List<String> cancel(String stack) {
        return BackendLock.cancel(store, new DiyLayout(project, stack));
    }

    @Override
    public void close() {
        backend.close();
    }
}
