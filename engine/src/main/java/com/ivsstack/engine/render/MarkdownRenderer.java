package com.ivsstack.engine.render;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import java.util.List;
import java.util.Map;

/**
 * A plan as a pull-request comment: a summary table, replacements with the properties that force them, a diagram of
 * the changed resources and what they depend on ({@link PlanDiagram}), and one collapsible section of property
 * changes per resource. Secrets read [secret]; nothing depends on timing, so the same plan always renders the same
 * text.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    /** The most resources the plan's diagram draws unless told otherwise. */
    public static final int DEFAULT_DIAGRAM_MAX_NODES = PlanDiagram.DEFAULT_MAX_NODES;

    public static String render(OperationResult result, String project, String stack) {
        return render(result, project, stack, DEFAULT_DIAGRAM_MAX_NODES);
    }

    /**
     * @param diagramMaxNodes the most resources the diagram draws (beyond, the changed ones and their neighbours);
     *                        0 for no diagram
     */
    public static String render(OperationResult result, String project, String stack, int diagramMaxNodes) {
        StringBuilder md = new StringBuilder();
        List<Step> changed = result.steps().stream().filter(s -> s.op().isChange() && s.op() != StepOp.DELETE_REPLACED
                && !s.type().startsWith("pulumi:providers:")).toList();
        md.append("### ").append(title(result)).append(" `").append(project == null ? stack : project + "/" + stack)
                .append("`\n\n");
        if (!result.errors().isEmpty()) {
            md.append("> [!CAUTION]\n");
            result.errors().forEach(e -> md.append("> ").append(escape(e).replace("\n", "\n> ")).append("\n"));
            md.append("\n");
        }
        if (changed.isEmpty()) {
            md.append("No changes: the stack matches the program.\n");
            return md.toString();
        }
        md.append("| Operation | Count |\n|---|---:|\n");
        for (Map.Entry<StepOp, Integer> e : result.counts().entrySet()) {
            if (e.getKey().isChange()) {
                md.append("| `").append(e.getKey().symbol()).append("` ").append(e.getKey().word()).append(" | ")
                        .append(e.getValue()).append(" |\n");
            }
        }
        int unchanged = result.counts().getOrDefault(StepOp.SAME, 0);
        if (unchanged > 0) {
            md.append("| unchanged | ").append(unchanged).append(" |\n");
        }
        if (result.failures() > 0) {
            md.append("| failed | ").append(result.failures()).append(" |\n");
        }
        List<Step> replacements = changed.stream().filter(s -> s.op() == StepOp.REPLACE).toList();
        if (!replacements.isEmpty()) {
            md.append("\n**Replacements**\n\n");
            for (Step s : replacements) {
                md.append("- `").append(s.type()).append("` **").append(escape(s.name())).append("**");
                List<String> reasons = s.replaceReasons();
                if (!reasons.isEmpty()) {
                    md.append(" is replaced because ").append(String.join(", ", reasons.stream().map(r -> "`" + r + "`").toList()))
                            .append(reasons.size() == 1 ? " changed" : " changed");
                } else {
                    md.append(" is replaced");
                }
                md.append(s.deleteBeforeReplace() ? " (deleted before the new one is created)" : " (new one created first)")
                        .append("\n");
            }
        }
        String diagram = PlanDiagram.markdown(result, diagramMaxNodes);
        if (!diagram.isEmpty()) {
            md.append("\n**Graph**\n\n").append(diagram);
        }
        md.append("\n**Changes**\n\n");
        for (Step s : changed) {
            md.append("<details><summary><code>").append(s.op().symbol()).append("</code> ").append(s.type())
                    .append(" <b>").append(escape(s.name())).append("</b> (").append(s.op().word()).append(")</summary>\n\n");
            List<PropertyChange> changes = s.changes();
            if (s.op() == StepOp.CREATE || s.op() == StepOp.IMPORT) {
                md.append(table(s.newValues(), "Value"));
            } else if (s.op() == StepOp.DELETE) {
                md.append(table(s.oldValues(), "Value"));
            } else if (changes.isEmpty()) {
                md.append("_No property changes reported._\n");
            } else {
                md.append("| Property | Old | New |\n|---|---|---|\n");
                for (PropertyChange c : changes) {
                    md.append("| `").append(c.path()).append("`").append(c.forcesReplacement() ? " (forces replacement)" : "")
                            .append(" | ").append(cell(c.kind() == PropertyChange.Kind.ADD ? null : c.oldValue(), c.kind() == PropertyChange.Kind.ADD))
                            .append(" | ").append(cell(c.newValue(), c.kind() == PropertyChange.Kind.DELETE)).append(" |\n");
                }
            }
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    private static String title(OperationResult result) {
        String what = switch (result.kind()) {
            case "destroy" -> "destroy";
            case "refresh" -> "refresh";
            case "import" -> "import";
            default -> "update";
        };
        return (result.dryRun() ? "Preview of " : "Result of ") + what;
    }

    private static String table(Map<String, Object> values, String header) {
        if (values.isEmpty()) {
            return "_No properties._\n";
        }
        StringBuilder t = new StringBuilder("| Property | " + header + " |\n|---|---|\n");
        new java.util.TreeMap<>(values).forEach((k, v) -> t.append("| `").append(k).append("` | ").append(cell(v, false)).append(" |\n"));
        return t.toString();
    }

    private static String cell(Object value, boolean absent) {
        if (absent) {
            return "";
        }
        return "`" + DisplayValues.format(value).replace("|", "\\|").replace("`", "'") + "`";
    }

    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
