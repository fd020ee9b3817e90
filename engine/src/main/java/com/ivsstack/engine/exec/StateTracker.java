package com.ivsstack.engine.exec;

import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The checkpoint as a deployment goes: resources of this run in the order their steps finished, followed by the
 * old resources no step has touched yet; written after every change (never in preview). A change returns only once a
 * checkpoint that contains it is on disk. Writes are group commits: changes made while a write is under way are
 * written together by the next one, and each of their callers waits for that write, so parallel steps share writes
 * instead of queueing one whole checkpoint each.
 */
public final class StateTracker {
    private final List<ResourceState> old;
    private final Set<ResourceState> doneOld = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<ResourceState, ResourceState> replacedOld = new IdentityHashMap<>();
    private final List<ResourceState> fresh = new ArrayList<>();
    private final List<PendingOperation> pending = new ArrayList<>();
    private final CheckpointStore store;
    private final boolean persist;
    /** Guards the write bookkeeping below; never held while the tracker's own lock is wanted by a waiting writer. */
    private final Object writes = new Object();
    /** Changes made so far (under this); the last change contained in the checkpoint on disk; a write under way. */
    private long changes;
    private long durable;
    private boolean writing;

    public StateTracker(Snapshot old, CheckpointStore store, boolean persist) {
        this.old = new ArrayList<>(old.resources());
        this.pending.addAll(old.pendingOperations());
        this.store = store;
        this.persist = persist;
    }

    /** Old entries that no step has consumed (including delete-pending ones), current versions. */
    public synchronized List<ResourceState> untouchedOld() {
        List<ResourceState> out = new ArrayList<>();
        for (ResourceState r : old) {
            if (!doneOld.contains(r)) {
                out.add(replacedOld.getOrDefault(r, r));
            }
        }
        return out;
    }

    public synchronized Optional<ResourceState> oldLive(String urn) {
        return untouchedOld().stream().filter(r -> r.urn().equals(urn) && !r.delete()).findFirst();
    }

    public synchronized Optional<ResourceState> current(String urn) {
        for (int i = fresh.size() - 1; i >= 0; i--) {
            if (fresh.get(i).urn().equals(urn) && !fresh.get(i).delete()) {
                return Optional.of(fresh.get(i));
            }
        }
        return oldLive(urn);
    }

    /** An old entry is finished with; its successor (if any) joins this run's resources. */
    public void replaceOld(ResourceState oldEntry, ResourceState successor) {
        change(() -> {
            consume(oldEntry);
            if (successor != null) {
                fresh.add(successor);
            }
        });
    }

    /** An old entry changed in place (refresh, delete-before-replace marking) without leaving its position. */
    public void rewriteOld(ResourceState oldEntry, ResourceState rewritten) {
        change(() -> replacedOld.put(originalOf(oldEntry), rewritten));
    }

    public void add(ResourceState state) {
        change(() -> fresh.add(state));
    }

    /** Replaces a resource of this run (outputs registered later, e.g. stack outputs). */
    public void rewriteFresh(String urn, UnaryOperator<ResourceState> rewrite) {
        long version;
        synchronized (this) {
            int index = -1;
            for (int i = fresh.size() - 1; i >= 0 && index < 0; i--) {
                if (fresh.get(i).urn().equals(urn) && !fresh.get(i).delete()) {
                    index = i;
                }
            }
            if (index < 0) {
                return;
            }
            fresh.set(index, rewrite.apply(fresh.get(index)));
            version = ++changes;
        }
        persistThrough(version);
    }

    public void begin(PendingOperation op) {
        change(() -> pending.add(op));
    }

    public void end(PendingOperation op) {
        change(() -> pending.remove(op));
    }

    /** Ends a pending operation and records its result in a single checkpoint write. */
    public void complete(PendingOperation op, ResourceState oldEntry, ResourceState... successors) {
        change(() -> {
            if (op != null) {
                pending.remove(op);
            }
            if (oldEntry != null) {
                consume(oldEntry);
            }
            fresh.addAll(List.of(successors));
        });
    }

    /** Ends a pending operation and rewrites an old entry in place, in a single checkpoint write. */
    public void completeRewrite(PendingOperation op, ResourceState oldEntry, ResourceState rewritten) {
        change(() -> {
            pending.remove(op);
            replacedOld.put(originalOf(oldEntry), rewritten);
        });
    }

    /**
     * A create-before-delete replacement: the new resource joins this run, the old one stays where it is, marked
     * for deletion after the program (single checkpoint write).
     */
    public void completeReplacement(PendingOperation op, ResourceState oldEntry, ResourceState created) {
        change(() -> {
            if (op != null) {
                pending.remove(op);
            }
            replacedOld.put(originalOf(oldEntry), oldEntry.withDelete(true));
            fresh.add(created);
        });
    }

    /** Adds a resource to the old state (a create found after a crash). */
    public synchronized void adoptOld(ResourceState state) {
        old.add(state);
    }

    public synchronized void dropPending(PendingOperation op) {
        pending.remove(op);
    }

    public synchronized List<PendingOperation> pending() {
        return List.copyOf(pending);
    }

    public synchronized Snapshot snapshot() {
        List<ResourceState> all = new ArrayList<>(fresh);
        all.addAll(untouchedOld());
        return new Snapshot(Snapshot.dependencyOrdered(all), pending);
    }

    /** Writes the checkpoint as it is now (also when no change is pending a write). */
    public void save() {
        change(() -> { });
    }

    /** Applies a change to the state, then returns once a checkpoint that contains it is on disk. */
    private void change(Runnable mutation) {
        long version;
        synchronized (this) {
            mutation.run();
            version = ++changes;
        }
        persistThrough(version);
    }

    /**
     * Returns once the checkpoint on disk contains change {@code version}: written by a write under way that took
     * its snapshot after the change, or by this thread. One write at a time; a failed write fails its writer, and
     * the next waiter tries again.
     */
    private void persistThrough(long version) {
        if (!persist) {
            return;
        }
        synchronized (writes) {
            boolean interrupted = false;
            while (durable < version && writing) {
                try {
                    writes.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the change is in the state already: it must reach the disk before we return
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (durable >= version) {
                return;
            }
            writing = true;
        }
        try {
            Snapshot snapshot;
            long covered;
            synchronized (this) {
                snapshot = snapshot();
                covered = changes;
            }
            store.save(snapshot);
            synchronized (writes) {
                durable = Math.max(durable, covered);
            }
        } finally {
            synchronized (writes) {
                writing = false;
                writes.notifyAll();
            }
        }
    }

    private void consume(ResourceState entry) {
        doneOld.add(originalOf(entry));
    }

    private ResourceState originalOf(ResourceState entry) {
        for (ResourceState r : old) {
            if (r == entry || replacedOld.get(r) == entry) {
                return r;
            }
        }
        throw new IllegalStateException("not an old resource: " + entry.urn());
    }
}
