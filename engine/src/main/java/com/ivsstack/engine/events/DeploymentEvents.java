package com.ivsstack.engine.events;

import com.ivsstack.engine.plan.Step;

/** What a deployment reports while it runs; renderers implement it. */
public interface DeploymentEvents {
    default void stepStarted(Step step) {
    }

    default void stepFinished(Step step) {
    }

    /** A message from the program, the engine or a provider; severity is debug, info, warning or error. */
    default void diagnostic(String urn, String severity, String message) {
    }

    default void programOutput(String line, boolean stderr) {
    }

    /**
     * Whether debug diagnostics are shown at all. The Pulumi Java SDK logs four debug messages per resource, with
     * whole requests in them; a view that drops them lets the engine skip their redaction.
     */
    default boolean showsDebug() {
        return true;
    }

    DeploymentEvents NONE = new DeploymentEvents() {
    };
}
