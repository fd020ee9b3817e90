package com.ivsstack.engine.events;

import com.ivsstack.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Events of a program started before its run was ready (the state still loading): held in order until the run
 * opens them to its real events, which then mask the state's secrets in them, or dropped when the run ends before
 * the program's turn, so that a program the run stops shows nothing, as if it had never started.
 */
public final class DeferredEvents implements DeploymentEvents {
    private final List<Consumer<DeploymentEvents>> held = new ArrayList<>();
    private DeploymentEvents target;
    private boolean dropped;

    @Override
    public void stepStarted(Step step) {
        deliver(events -> events.stepStarted(step));
    }

    @Override
    public void stepFinished(Step step) {
        deliver(events -> events.stepFinished(step));
    }

    @Override
    public void diagnostic(String urn, String severity, String message) {
        deliver(events -> events.diagnostic(urn, severity, message));
    }

    @Override
    public void programOutput(String line, boolean stderr) {
        deliver(events -> events.programOutput(line, stderr));
    }

    /** Passes on what was held, in order, and everything from now on. */
    public synchronized void open(DeploymentEvents events) {
        held.forEach(event -> event.accept(events));
        held.clear();
        target = events;
    }

    /** Forgets what was held and drops everything from now on. */
    public synchronized void drop() {
        held.clear();
        dropped = true;
    }

    // Delivering under the lock keeps held and new events in one order.
    private synchronized void deliver(Consumer<DeploymentEvents> event) {
        if (target != null) {
            event.accept(target);
        } else if (!dropped) {
            held.add(event);
        }
    }
}
