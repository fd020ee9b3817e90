package com.ivsstack.engine.testing;

import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every event, and echoes it to stdout (the surefire report) for diagnosis. */
public final class RecordingEvents implements DeploymentEvents {
    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stepFinished(Step step) {
        record("step " + step.op() + " " + step.urn() + (step.error() == null ? "" : " ERROR " + step.error()));
    }

    @Override
    public void diagnostic(String urn, String severity, String message) {
        record(severity + ": " + message);
    }

    @Override
    public void programOutput(String line, boolean stderr) {
        record((stderr ? "program stderr: " : "program: ") + line);
    }

    private void record(String line) {
        lines.add(line);
        System.out.println(line);
    }
}
