package com.ivsstack.engine.state.backend;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A lease whose hold goes with its holder (an operating-system file lock, a PostgreSQL session lock) and whose record
 * is an object beside it. Holding the hold proves that a record still there is from a run that has ended: it is
 * replaced, and said so.
 */
public final class RecordedLease implements BlobStore.Lease {
    private final BlobStore store;
    private final String recordKey;
    private final byte[] record;
    private final Optional<String> stale;
    private final Runnable releaseHold;

    private RecordedLease(BlobStore store, String recordKey, byte[] record, Optional<String> stale, Runnable releaseHold) {
        this.store = store;
        this.recordKey = recordKey;
        this.record = record;
        this.stale = stale;
        this.releaseHold = releaseHold;
    }

    /** Writes the record of a hold just taken; if that fails, the hold is released. */
    public static BlobStore.Lease record(BlobStore store, String recordKey, byte[] record, Runnable releaseHold) {
        try {
            Optional<String> stale = store.read(recordKey).map(b -> new String(b.data(), StandardCharsets.UTF_8));
            store.write(recordKey, record);
            return new RecordedLease(store, recordKey, record, stale, releaseHold);
        } catch (RuntimeException e) {
            releaseHold.run();
            throw e;
        }
    }

    @Override
    public Optional<String> replacedStaleRecord() {
        return stale;
    }

    /** Deletes the record if it is still this run's (after a cancel it may be another's), then releases the hold. */
    @Override
    public void close() {
        try {
            Optional<BlobStore.Blob> current = store.read(recordKey);
            if (current.isPresent() && Arrays.equals(current.get().data(), record)) {
                store.delete(recordKey);
            }
        } finally {
            releaseHold.run();
        }
    }
}
