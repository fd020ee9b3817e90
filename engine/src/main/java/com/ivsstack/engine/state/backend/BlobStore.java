package com.ivsstack.engine.state.backend;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The key/value store under a state backend, as Pulumi's DIY backends see theirs (a gocloud.dev bucket): objects of
 * bytes under slash-separated keys. Besides Pulumi's operations it has the two that make a lock and fenced writes
 * possible on the store's own primitive: a conditional write against a version, and a {@linkplain #lease lease}.
 * Keys are relative to the backend's root (its prefix is the store's business).
 */
public interface BlobStore extends AutoCloseable {
    /** An object as read: its bytes and its version (what {@link #writeIf} compares with). */
    record Blob(byte[] data, String version, Instant modified) {
    }

    /** An object as listed. */
    record Entry(String key, long size, Instant modified) {
    }

    /** The backend's URL, without its password. */
    BackendUrl url();

    Optional<Blob> read(String key);

    /** Writes the object whatever is there; returns its new version. */
    String write(String key, byte[] data);

    /**
     * Writes the object only if its current version is {@code expectedVersion} (null: only if there is none).
     *
     * @return the new version
     * @throws VersionConflictException when it is not, and nothing was written
     */
    default String writeIf(String key, byte[] data, String expectedVersion) {
        return writeIf(key, data, data.length, expectedVersion);
    }

    /** The same, of the first {@code length} bytes of {@code data} (a buffer reused from one checkpoint to the next). */
    String writeIf(String key, byte[] data, int length, String expectedVersion);

    /** Deletes the object; a missing one is not an error. */
    void delete(String key);

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<Entry> list(String prefix);

    /** Copies an object to another key (a missing source is not an error: nothing is copied). */
    void copy(String from, String to);

    /**
     * Takes the store's own exclusive hold {@code holdKey} and writes {@code record} (who holds it) at
     * {@code recordKey}, or refuses. On S3 the record's conditional create is the hold; on a file system the hold is
     * an operating-system lock on the file {@code holdKey}, on PostgreSQL a session advisory lock named after it:
     * both go with their holder's process or connection.
     *
     * @throws LeaseHeldException when another holder has it
     */
    Lease lease(String holdKey, String recordKey, byte[] record);

    /**
     * Whether the hold is held by a run that is still alive, as far as the store can tell: a file or session lock
     * goes with its holder; an S3 lock object stays after its holder is gone, so there this is whether it exists.
     */
    boolean leaseHeld(String holdKey, String recordKey);

    /** Whether a lease ends with its holder's process or connection (a file or session lock), unlike an S3 object. */
    default boolean leasesEndWithHolder() {
        return false;
    }

    @Override
    void close();

    /** A hold on a lease; closing it releases the hold and deletes the record. */
    interface Lease extends AutoCloseable {
        /** Whether the store knew the previous holder had ended without releasing it (a file or session lock). */
        Optional<String> replacedStaleRecord();

        @Override
        void close();
    }

    /** Another holder has the lease; {@link #record()} is what it wrote, if it could be read. */
    final class LeaseHeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient byte[] record;

        public LeaseHeldException(String key, byte[] record) {
            super("the lease " + key + " is held");
            this.record = record;
        }

        public byte[] record() {
            return record;
        }
    }
}
