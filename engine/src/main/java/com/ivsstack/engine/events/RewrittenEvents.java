package com.ivsstack.engine.events;

import com.ivsstack.engine.plan.Step;
import java.util.function.UnaryOperator;

/**
 * Events whose texts (messages, step errors, program output) are rewritten before they are shown, for example
 * with every known secret masked. Debug messages the view drops are dropped here, unrewritten: the Pulumi Java SDK
 * logs whole requests at debug level, four per resource.
 */
public final class RewrittenEvents implements DeploymentEvents {
    private final DeploymentEvents events;
    private final UnaryOperator<String> rewrite;

    public RewrittenEvents(DeploymentEvents events, UnaryOperator<String> rewrite) {
        this.events = events;
        this.rewrite = rewrite;
    }

    @Override
    public void stepStarted(Step step) {
        events.stepStarted(step);
    }

    @Override
    public void stepFinished(Step step) {
        events.stepFinished(step.error() == null ? step : step.finished(step.elapsedMillis(), rewrite.apply(step.error())));
    }

    @Override
    public void diagnostic(String urn, String severity, String message) {
        if (severity.equals("debug") && !events.showsDebug()) {
            return;
        }
        events.diagnostic(urn, severity, rewrite.apply(message));
    }

    @Override
    public boolean showsDebug() {
        return events.showsDebug();
    }

    @Override
    public void programOutput(String line, boolean stderr) {
        events.programOutput(rewrite.apply(line), stderr);
    }
}
