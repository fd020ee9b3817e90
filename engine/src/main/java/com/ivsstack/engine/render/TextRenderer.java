package com.ivsstack.engine.render;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.plan.PropertyChange;
import com.ivsstack.engine.plan.Step;
import com.ivsstack.engine.plan.StepOp;
import com.ivsstack.engine.state.Urns;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The terminal view: each step as it finishes with Pulumi's symbols, live progress of running steps with their
 * elapsed time (on a terminal), per-property diffs when asked, and a summary. Colors only on a terminal.
 */
public final class TextRenderer implements DeploymentEvents, AutoCloseable {
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean color;
    private final boolean showDiff;
    private final boolean showDebug;
    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile boolean statusShown;

    public TextRenderer(PrintStream out, boolean interactive, boolean showDiff, boolean showDebug) {
        this.out = out;
        this.color = interactive;
        this.showDiff = showDiff;
        this.showDebug = showDebug;
        if (interactive) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::drawStatus, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    private volatile boolean planning;

    /** Starts a section; in a preview (planning) steps are only listed, not shown as running. */
    public void header(String text, boolean dryRun) {
        planning = dryRun;
        println(bold(text));
    }

    @Override
    public void stepStarted(Step step) {
        if (step.op() == StepOp.SAME || step.op() == StepOp.READ || planning || isProvider(step)) {
            return;
        }
        running.put(step.urn() + step.op(), System.nanoTime());
        if (!color && step.op().isChange() && step.op() != StepOp.REFRESH) {
            // Without a terminal to redraw, progress is one line per started step.
            println("    " + "  ".repeat(depth(step)) + colored(step.op(), step.op().symbol() + " " + step.type() + " "
                    + step.name()) + " " + progressive(step.op()) + "...");
        }
    }

    @Override
    public void stepFinished(Step step) {
        running.remove(step.urn() + step.op());
        if (step.op() == StepOp.SAME && !showDiff) {
            return;
        }
        if (isProvider(step) && step.error() == null) {
            return; // Pulumi does not show providers either
        }
        String elapsed = !planning && step.elapsedMillis() >= 100 ? " (" + seconds(step.elapsedMillis()) + ")" : "";
        String status = step.error() != null ? red("**" + progressive(step.op()) + " failed**")
                : planning ? step.op().word() : step.op().pastTense();
        String indent = "    " + "  ".repeat(depth(step));
        // One block, printed at once: steps finishing in parallel must not interleave their property lines.
        StringBuilder block = new StringBuilder(indent + colored(step.op(), step.op().symbol() + " " + step.type() + " "
                + step.name()) + " " + status + elapsed);
        if (step.error() != null) {
            block.append('\n').append(indent).append("    ").append(red("error: " + indented(step.error(), indent + "           ")));
        }
        if (showDiff || step.op() == StepOp.REPLACE) {
            for (PropertyChange c : step.changes()) {
                String symbol = switch (c.kind()) {
                    case ADD -> "+";
                    case DELETE -> "-";
                    default -> "~";
                };
                String line = symbol + " " + c.path() + ": " + switch (c.kind()) {
                    case ADD -> DisplayValues.format(c.newValue());
                    case DELETE -> DisplayValues.format(c.oldValue());
                    default -> DisplayValues.format(c.oldValue()) + " => " + DisplayValues.format(c.newValue());
                } + (c.forcesReplacement() ? " (forces replacement)" : "");
                if (showDiff || c.forcesReplacement()) {
                    block.append('\n').append(indent).append("      ").append(line);
                }
            }
        }
        println(block.toString());
    }

    @Override
    public void diagnostic(String urn, String severity, String message) {
        if (severity.equals("debug") && !showDebug) {
            return;
        }
        String prefix = urn == null ? "" : Urns.type(urn) + " " + Urns.name(urn) + ": ";
        String text = indented(prefix + message, "      ");
        switch (severity) {
            case "error" -> println("    " + red("error: ") + text);
            case "warning" -> println("    " + yellow("warning: ") + text);
            default -> println("    " + text);
        }
    }

    @Override
    public boolean showsDebug() {
        return showDebug;
    }

    @Override
    public void programOutput(String line, boolean stderr) {
        println("    " + line);
    }

    /** Outputs, counts and duration after the run. */
    public void summary(OperationResult result, boolean showSecrets) {
        // A failed preview has no outputs of its own: the state's would read as the plan's.
        if (!result.outputs().isEmpty() && (result.succeeded() || !result.dryRun())) {
            println("");
            println(bold("Outputs:"));
            result.outputs().forEach((k, v) -> println("    " + k + ": "
                    + DisplayValues.format(showSecrets ? com.ivsstack.pulumi.value.PropertyValues.deepUnwrap(v) : v)));
        }
        println("");
        println(bold("Resources:"));
        boolean any = false;
        for (Map.Entry<StepOp, Integer> e : result.counts().entrySet()) {
            if (e.getKey() == StepOp.SAME) {
                continue;
            }
            any = true;
            String verb = result.dryRun() ? "to " + e.getKey().word() : e.getKey().pastTense();
            println("    " + colored(e.getKey(), e.getKey().symbol() + " " + e.getValue() + " " + verb));
        }
        int same = result.counts().getOrDefault(StepOp.SAME, 0);
        if (same > 0) {
            println("    " + same + " unchanged");
        }
        if (result.failures() > 0) {
            println("    " + red(result.failures() + " failed"));
        }
        if (!any && same == 0 && result.failures() == 0) {
            println("    no resources");
        }
        println("");
        println("Duration: " + seconds(result.elapsed().toMillis()));
        if (!result.errors().isEmpty()) {
            println("");
            println(red(bold("Errors:")));
            result.errors().forEach(e -> println("    " + indented(e, "      ")));
        }
    }

    /** A multi-line text with its later lines indented under the first. */
    private static String indented(String text, String indent) {
        return text.replace("\n", "\n" + indent);
    }

    private synchronized void drawStatus() {
        if (running.isEmpty()) {
            clearStatus();
            return;
        }
        long now = System.nanoTime();
        StringBuilder line = new StringBuilder();
        running.forEach((key, start) -> {
            if (line.length() > 0) {
                line.append("  ");
            }
            line.append(Urns.name(stripOp(key))).append(" ").append(seconds((now - start) / 1_000_000));
        });
        out.print("\r\u001b[2K" + "    running: " + line);
        out.flush();
        statusShown = true;
    }

    private static String stripOp(String key) {
        for (StepOp op : StepOp.values()) {
            if (key.endsWith(op.name())) {
                return key.substring(0, key.length() - op.name().length());
            }
        }
        return key;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\u001b[2K");
            statusShown = false;
        }
    }

    private synchronized void println(String text) {
        clearStatus();
        out.println(text);
        out.flush();
    }

    private static boolean isProvider(Step step) {
        return step.type().startsWith("pulumi:providers:");
    }

    private static int depth(Step step) {
        if (step.parentUrn() == null || Urns.type(step.parentUrn()).equals(Urns.STACK_TYPE)) {
            return 0;
        }
        return Urns.qualifiedType(step.urn()).split("\\$").length - 1;
    }

    private static String progressive(StepOp op) {
        return switch (op) {
            case CREATE -> "creating";
            case UPDATE -> "updating";
            case REPLACE -> "replacing";
            case DELETE -> "deleting";
            case DELETE_REPLACED -> "deleting original";
            case IMPORT -> "importing";
            case REFRESH -> "refreshing";
            case READ -> "reading";
            default -> op.word();
        };
    }

    static String seconds(long millis) {
        return millis < 60_000 ? String.format("%.1fs", millis / 1000.0)
                : String.format("%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }

    private String colored(StepOp op, String text) {
        if (!color) {
            return text;
        }
        String code = switch (op) {
            case CREATE, IMPORT -> "\u001b[32m";
            case UPDATE, REFRESH -> "\u001b[33m";
            case REPLACE -> "\u001b[35m";
            case DELETE, DELETE_REPLACED, DISCARD -> "\u001b[31m";
            default -> "";
        };
        return code.isEmpty() ? text : code + text + RESET;
    }

    private String red(String text) {
        return color ? "\u001b[31m" + text + RESET : text;
    }

    private String yellow(String text) {
        return color ? "\u001b[33m" + text + RESET : text;
    }

    private String bold(String text) {
        return color ? "\u001b[1m" + text + RESET : text;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        clearStatus();
    }
}
