package com.ivsstack.engine.exec;

import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import java.util.List;
import java.util.Map;

/** Reads a resource the stack does not manage (the program's {@code get}), and records it as external. */
final class ReadStep implements ResourceStep {
    private final Step planned;
    private final ProviderClient client;
    private final String providerReference;
    private final String name;
    private final String id;
    private final List<String> dependencies;

    ReadStep(Step planned, ProviderClient client, String providerReference, String name, String id,
             List<String> dependencies) {
        this.planned = planned;
        this.client = client;
        this.providerReference = providerReference;
        this.name = name;
        this.id = id;
        this.dependencies = dependencies;
    }

    @Override
    public Step planned() {
        return planned;
    }

    /** None: a read changes nothing in the cloud. */
    @Override
    public PendingOperation pending() {
        return null;
    }

    @Override
    public ResourceState call(boolean preview) {
        String urn = planned.urn();
        ProviderClient.ReadResult read = client.read(urn, id, planned.newValues(), Map.of());
        if (!read.exists()) {
            throw new DeploymentException("cannot read " + planned.type() + " '" + name + "': resource '" + id
                    + "' does not exist");
        }
        return ResourceState.builder(urn, planned.type(), true).id(read.id()).external(true)
                .inputs(read.inputs() == null ? Map.of() : read.inputs()).outputs(read.outputs())
                .parent(planned.parentUrn()).provider(providerReference).dependencies(dependencies).build();
    }

    @Override
    public void record(StateTracker state, PendingOperation pending, ResourceState after) {
        state.oldLive(after.urn()).ifPresentOrElse(old -> state.replaceOld(old, after), () -> state.add(after));
    }
}
