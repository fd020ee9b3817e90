package com.ivsstack.engine.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan for policy tools: every step with its URN, type, operation, old and new values (secrets masked) and its
 * detailed diff. Durations are left out so that the same plan always gives the same document.
 */
public final class JsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    public static String render(OperationResult result, String project, String stack) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", project);
        doc.put("stack", stack);
        doc.put("operation", result.kind());
        doc.put("dryRun", result.dryRun());
        doc.put("succeeded", result.succeeded());
        doc.put("hasChanges", result.hasChanges());
        Map<String, Integer> summary = new LinkedHashMap<>();
        result.counts().forEach((op, n) -> summary.put(op.word(), n));
        if (result.failures() > 0) {
            summary.put("failed", result.failures());
        }
        doc.put("summary", summary);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step s : result.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("urn", s.urn());
            step.put("type", s.type());
            step.put("name", s.name());
            step.put("op", s.op().word());
            if (s.parentUrn() != null) {
                step.put("parent", s.parentUrn());
            }
            step.put("old", DisplayValues.masked(s.oldValues()));
            step.put("new", DisplayValues.masked(s.newValues()));
            List<Map<String, Object>> diff = new ArrayList<>();
            for (PropertyChange c : s.changes()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("path", c.path());
                d.put("kind", c.kind().name().toLowerCase());
                d.put("replace", c.forcesReplacement());
                d.put("old", DisplayValues.masked(c.oldValue()));
                d.put("new", DisplayValues.masked(c.newValue()));
                diff.add(d);
            }
            step.put("detailedDiff", diff);
            if (!s.replaceReasons().isEmpty()) {
                step.put("replaceReasons", s.replaceReasons());
            }
            if (s.deleteBeforeReplace()) {
                step.put("deleteBeforeReplace", true);
            }
            if (s.error() != null) {
                step.put("error", s.error());
            }
            steps.add(step);
        }
        doc.put("steps", steps);
        doc.put("outputs", DisplayValues.masked(result.outputs()));
        doc.put("errors", result.errors());
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
