package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import java.util.List;
import java.util.Map;

/**
 * Resolves the operations a killed run left pending, before anything else of a run. A pending create is looked up by
 * the provider (Read with an empty id and the URN finds what that create made, by the ownership tag it writes), so
 * nothing is created twice and nothing is leaked; a pending delete is checked with a Read; a pending update is
 * re-applied by the normal diff.
 */
final class CrashRecovery {
    private final boolean dryRun;
    private final StateTracker state;
    private final ProviderRegistry providers;
    private final DeploymentEvents events;

    CrashRecovery(DeploymentSettings settings, StateTracker state, ProviderRegistry providers, DeploymentEvents events) {
        this.dryRun = settings.dryRun();
        this.state = state;
        this.providers = providers;
        this.events = events;
    }

    void resolvePendingOperations() {
        List<PendingOperation> pending = state.pending();
        if (pending.isEmpty()) {
            return; // nothing to write: a run that then fails leaves the checkpoint as it was
        }
        for (PendingOperation op : pending) {
            ResourceState r = op.resource();
            try {
                if (op.type().equals(PendingOperation.CREATING) && r.custom() && r.provider() != null) {
                    resolveCreate(r);
                } else if (op.type().equals(PendingOperation.DELETING) && r.custom() && r.provider() != null) {
                    resolveDelete(r);
                } else {
                    events.diagnostic(r.urn(), "warning", "a previous run was interrupted during '" + op.type()
                            + "' of this resource; this run re-applies the program's settings");
                }
            } finally {
                state.dropPending(op);
            }
        }
        state.save();
    }

    private void resolveCreate(ResourceState r) {
        ProviderClient client = providers.get(r.provider());
        ProviderClient.ReadResult found = client.read(r.urn(), "", Map.of(), r.inputs());
        if (found.exists()) {
            state.oldLive(r.urn()).ifPresent(previous -> state.rewriteOld(previous, previous.withDelete(true)));
            ResourceState adopted = r.toBuilder().id(found.id())
                    .outputs(SecretOutputs.mark(found.outputs(), r.inputs(), r.additionalSecretOutputs())).build();
            state.adoptOld(adopted);
            events.diagnostic(r.urn(), "warning", "a previous run was interrupted while creating this "
                    + "resource; found it (id " + found.id() + ")" + (dryRun
                    ? ": the update will record it instead of creating it again"
                    : " and recorded it instead of creating it again"));
        } else {
            events.diagnostic(r.urn(), "warning", "a previous run was interrupted while creating this "
                    + "resource; the provider found nothing created, so it will be created now");
        }
    }

    private void resolveDelete(ResourceState r) {
        ProviderClient client = providers.get(r.provider());
        ProviderClient.ReadResult found = client.read(r.urn(), r.id(), r.outputs(), r.inputs());
        if (!found.exists()) {
            state.current(r.urn()).filter(c -> r.id().equals(c.id()))
                    .ifPresent(gone -> state.replaceOld(gone, null));
        }
        events.diagnostic(r.urn(), "warning", "a previous run was interrupted while deleting this resource"
                + (found.exists() ? "; it still exists" : dryRun
                ? "; it is gone, and the update will remove it from the state"
                : "; it is gone and was removed from the state"));
    }
}
