package com.ivsstack.engine.state.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ivsstack.engine.state.backend.BackendException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A DIY state backend opened from its URL: the store, checked to be one ivsstack can use. Pulumi's
 * {@code .pulumi/meta.yaml} says the layout's version: 1 (project mode) is what ivsstack reads and writes; a higher one
 * was written by a newer tool and is refused; none on a store that already has stacks at the top level is Pulumi's
 * legacy layout, refused too (Pulumi itself refuses it since v3.257). A store without it gets {@code version: 1} on
 * its first write, as the Pulumi CLI writes it.
 */
public final class StateBackend implements AutoCloseable {
    public static final int LAYOUT_VERSION = 1;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final BlobStore store;
    private boolean metaPresent;

    private StateBackend(BlobStore store) {
        this.store = store;
    }

    /**
     * Checks the store's layout (reads only) and takes it over; the store is closed if it cannot be used.
     * {@code state.StateBackends} opens the store a URL names.
     *
     * @throws BackendException when the store cannot be reached or used, before anything is written
     */
    public static StateBackend over(BlobStore store) {
        StateBackend backend = new StateBackend(store);
        try {
            backend.checkLayout();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return backend;
    }

    public BlobStore store() {
        return store;
    }

    public BackendUrl url() {
        return store.url();
    }

    private void checkLayout() {
        Optional<BlobStore.Blob> meta = store.read(DiyLayout.META);
        if (meta.isPresent()) {
            metaPresent = true;
            int version = layoutVersion(meta.get().data());
            if (version > LAYOUT_VERSION) {
                throw new BackendException(Kind.NEWER_FORMAT, store.url().toString(), DiyLayout.META + " says version "
                        + version + ", a layout newer than the version " + LAYOUT_VERSION + " ivsstack reads",
                        "use the tool that wrote it, or a newer ivsstack");
            }
            if (version < LAYOUT_VERSION) {
                throw legacy();
            }
            return;
        }
        for (BlobStore.Entry entry : store.list(DiyLayout.STACKS)) {
            String rest = entry.key().substring(DiyLayout.STACKS.length());
            if (!rest.contains("/") && (rest.endsWith(".json") || rest.endsWith(".json.gz") || rest.endsWith(".json.zst"))) {
                throw legacy();
            }
        }
    }

    private BackendException legacy() {
        return new BackendException(Kind.NEWER_FORMAT, store.url().toString(), "it is in Pulumi's legacy layout "
                + "(stacks without a project), which ivsstack does not read", "upgrade it with: pulumi state upgrade");
    }

    private int layoutVersion(byte[] data) {
        try {
            JsonNode meta = YAML.readTree(new String(data, StandardCharsets.UTF_8));
            if (meta == null || !meta.path("version").isInt()) {
                throw new BackendException(Kind.FAILED, store.url().toString(), DiyLayout.META + " has no version "
                        + "number (Pulumi calls this a corrupt store)", "restore it (version: 1) from a backup");
            }
            return meta.path("version").intValue();
        } catch (IOException e) {
            throw new BackendException(Kind.FAILED, store.url().toString(), DiyLayout.META + " is not YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", "restore it (version: 1) from a backup", e);
        }
    }

    /** Writes {@code .pulumi/meta.yaml} if the store has none (before the store's first stack is written). */
    public synchronized void ensureLayoutWritten() {
        if (!metaPresent) {
            if (store.read(DiyLayout.META).isEmpty()) {
                store.write(DiyLayout.META, ("version: " + LAYOUT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            }
            metaPresent = true;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
