package com.ivsstack.engine.exec;

import com.ivsstack.engine.events.DeploymentEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The errors of one run, in the order they happened: what its result reports. */
final class RunErrors {
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final DeploymentEvents events;

    RunErrors(DeploymentEvents events) {
        this.events = events;
    }

    /** Shows the error and records it. */
    void report(String message) {
        errors.add(message);
        events.diagnostic(null, "error", message);
    }

    /** Shows and records the error; the exception that ends what found it. */
    DeploymentException fail(String message) {
        report(message);
        return new DeploymentException(message);
    }

    /** Records an error shown already (the program's own, from its log; a failed step, shown by its display). */
    void record(String message) {
        errors.add(message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<String> list() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    static String messageOf(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
