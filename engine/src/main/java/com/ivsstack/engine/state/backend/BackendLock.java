package com.ivsstack.engine.state.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lock of one stack on a backend. It is taken on the store's own primitive ({@link BlobStore#lease}): an
 * operating-system file lock, a PostgreSQL session advisory lock, or an S3 object created with
 * {@code If-None-Match: *}; two runs can never both hold it. Pulumi's lock files are honoured both ways: the record
 * ivsstack writes sits in the directory where the Pulumi CLI looks for locks (so it stops), and a lock file the Pulumi
 * CLI wrote there stops ivsstack. Pulumi writes its file and then lists the directory, and ivsstack takes its hold and
 * then lists it, so of two runs started at once at least one sees the other.
 */
public final class BackendLock implements AutoCloseable {
    private final BlobStore.Lease lease;
    private final LockRecord record;

    private BackendLock(BlobStore.Lease lease, LockRecord record) {
        this.lease = lease;
        this.record = record;
    }

    public LockRecord record() {
        return record;
    }

    /**
     * Takes the lock or refuses, naming the holder.
     *
     * @param notices told when a lock left by a run that ended without releasing it was replaced (only where the
     *                store proves that run is gone: a file or session lock)
     * @throws StackLockedException when another run, of ivsstack or of the Pulumi CLI, holds it
     */
    public static BackendLock acquire(BlobStore store, DiyLayout layout, String command, Consumer<String> notices) {
        LockRecord record = LockRecord.current(command);
        BlobStore.Lease lease;
        try {
            lease = store.lease(layout.hold(), layout.ourLockRecord(), record.toBytes());
        } catch (BlobStore.LeaseHeldException e) {
            LockRecord holder = LockRecord.parse(e.record());
            throw new StackLockedException(lockedMessage(store, layout, List.of(holder == null
                    ? "another ivsstack run (its lock record " + layout.ourLockRecord() + " could not be read)"
                    : holder.describe()), store.leasesEndWithHolder()));
        }
        List<String> foreign = new ArrayList<>();
        try {
            for (BlobStore.Entry entry : store.list(layout.lockDirectory())) {
                if (!entry.key().equals(layout.ourLockRecord())) {
                    foreign.add(describe(store, entry.key()));
                }
            }
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        if (!foreign.isEmpty()) {
            lease.close();
            throw new StackLockedException(lockedMessage(store, layout, foreign, false));
        }
        lease.replacedStaleRecord().map(text -> describeText(text).orElse("an unreadable lock record")).ifPresent(stale -> notices.accept(
                "note: replaced the lock left by a run that ended without releasing it (" + stale
                        + "); " + (store.url().isLocal() ? "its process is gone" : "its database session is gone")));
        return new BackendLock(lease, record);
    }

    private static String describe(BlobStore store, String key) {
        LockRecord holder = store.read(key).map(b -> LockRecord.parse(b.data())).orElse(null);
        return (holder == null ? "an unreadable lock file" : holder.describe()) + " (lock file " + key + ")";
    }

    private static String lockedMessage(BlobStore store, DiyLayout layout, List<String> holders, boolean holderAlive) {
        return "stack '" + layout.stack() + "' is locked by another run: " + String.join("; ", holders) + ", in "
                + store.url() + "; wait for it to finish" + (holderAlive
                ? " (the lock is released when that process exits)"
                : ", or if that run is gone, clear the lock with: ivsstack cancel --stack " + layout.stack()
                + " (it shows the lock and asks first)");
    }

    /** The locks of a stack, for {@code cancel}: each lock file and who wrote it. */
    public static List<String> holders(BlobStore store, DiyLayout layout) {
        List<String> holders = new ArrayList<>();
        for (BlobStore.Entry entry : store.list(layout.lockDirectory())) {
            holders.add(describe(store, entry.key()));
        }
        return holders;
    }

    /**
     * Removes the stack's locks (every lock file in Pulumi's lock directory, as {@code pulumi cancel} does), unless a
     * store that can tell says the holder is still running: a lock is never taken from a live run.
     *
     * @return the locks removed
     */
    public static List<String> cancel(BlobStore store, DiyLayout layout) {
        List<String> holders = holders(store, layout);
        if (store.leasesEndWithHolder() && store.leaseHeld(layout.hold(), layout.ourLockRecord())) {
            throw new StackLockedException("stack '" + layout.stack() + "' is locked by a run that is still running: "
                    + String.join("; ", holders) + ", in " + store.url() + ". Its lock is released when it ends; stop "
                    + "that run if it must not finish");
        }
        for (BlobStore.Entry entry : store.list(layout.lockDirectory())) {
            store.delete(entry.key());
        }
        return holders;
    }

    @Override
    public void close() {
        lease.close();
    }

    /** For messages: a stale record's text, described when it is a lock record. */
    private static Optional<String> describeText(String text) {
        return Optional.ofNullable(LockRecord.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).map(LockRecord::describe);
    }
}
