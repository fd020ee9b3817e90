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

/**
 * The checkpoint as a deployment goes: resources of this run in the order their steps finished, followed by the
 * old resources no step has touched yet; written after every change (never in preview).
 */
public final class StateTracker {
    private final List<ResourceState> old;
    private final Set<ResourceState> doneOld = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<ResourceState, ResourceState> replacedOld = new IdentityHashMap<>();
    private final List<ResourceState> fresh = new ArrayList<>();
    private final List<PendingOperation> pending = new ArrayList<>();
    private final CheckpointStore store;
    private final boolean persist;

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
    public synchronized void replaceOld(ResourceState oldEntry, ResourceState successor) {
        consume(oldEntry);
        if (successor != null) {
            fresh.add(successor);
        }
        save();
    }

    /** An old entry changed in place (refresh, delete-before-replace marking) without leaving its position. */
    public synchronized void rewriteOld(ResourceState oldEntry, ResourceState rewritten) {
        ResourceState original = originalOf(oldEntry);
        replacedOld.put(original, rewritten);
        save();
    }

    public synchronized void add(ResourceState state) {
        fresh.add(state);
        save();
    }

    /** Replaces a resource of this run (outputs registered later, e.g. stack outputs). */
    public synchronized void rewriteFresh(String urn, java.util.function.UnaryOperator<ResourceState> change) {
        for (int i = fresh.size() - 1; i >= 0; i--) {
            if (fresh.get(i).urn().equals(urn) && !fresh.get(i).delete()) {
                fresh.set(i, change.apply(fresh.get(i)));
                save();
                return;
            }
        }
    }

    public synchronized void begin(PendingOperation op) {
        pending.add(op);
        save();
    }

    public synchronized void end(PendingOperation op) {
        pending.remove(op);
        save();
    }

    /** Ends a pending operation and records its result in a single checkpoint write. */
    public synchronized void complete(PendingOperation op, ResourceState oldEntry, ResourceState... successors) {
        if (op != null) {
            pending.remove(op);
        }
        if (oldEntry != null) {
            consume(oldEntry);
        }
        for (ResourceState s : successors) {
            fresh.add(s);
        }
        save();
    }

    /** Ends a pending operation and rewrites an old entry in place, in a single checkpoint write. */
    public synchronized void completeRewrite(PendingOperation op, ResourceState oldEntry, ResourceState rewritten) {
        pending.remove(op);
        replacedOld.put(originalOf(oldEntry), rewritten);
        save();
    }

    /**
     * A create-before-delete replacement: the new resource joins this run, the old one stays where it is, marked
     * for deletion after the program (single checkpoint write).
     */
    public synchronized void completeReplacement(PendingOperation op, ResourceState oldEntry, ResourceState created) {
        if (op != null) {
            pending.remove(op);
        }
        replacedOld.put(originalOf(oldEntry), oldEntry.withDelete(true));
        fresh.add(created);
        save();
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

    public synchronized void save() {
        if (persist) {
            store.save(snapshot());
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
