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

    /**
     * What the holder of a hold wrote: it writes it right after taking the hold, so a refused run waits a moment for
     * it (half a second at most) rather than naming no holder.
     */
    public static byte[] holderRecord(BlobStore store, String recordKey) {
        for (int i = 0; i < 20; i++) {
            Optional<BlobStore.Blob> blob = store.read(recordKey);
            if (blob.isPresent() && blob.get().data().length > 0) {
                return blob.get().data();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
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
