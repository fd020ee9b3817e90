package com.ivsstack.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One resource: its API document (the JSON the service returns for it) and the endpoint's own bookkeeping
 * (timers, references) that never leaves the endpoint. Mutated only under the store's write lock.
 */
public final class StoredResource {
    private final StoredResourceType type;
    private final String arn;
    private final long sequence;
    private final ObjectNode document;
    private final ObjectNode internal;

    public StoredResource(StoredResourceType type, String arn, long sequence, ObjectNode document, ObjectNode internal) {
        this.type = type;
        this.arn = arn;
        this.sequence = sequence;
        this.document = document;
        this.internal = internal;
    }

    public StoredResourceType type() {
        return type;
    }

    public String arn() {
        return arn;
    }

    /** Creation order; lists are sorted by it and page tokens point into it. */
    public long sequence() {
        return sequence;
    }

    public ObjectNode document() {
        return document;
    }

    public ObjectNode internal() {
        return internal;
    }

    public ObjectNode tags() {
        return (ObjectNode) document.get("tags");
    }
}
