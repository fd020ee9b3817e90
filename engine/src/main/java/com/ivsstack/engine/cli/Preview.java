package com.ivsstack.engine.cli;

import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.render.JsonRenderer;
import com.ivsstack.engine.render.MarkdownRenderer;
import com.ivsstack.engine.render.TextRenderer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ivsstack preview}: runs the program as a dry run and shows the plan, as text, Markdown or JSON. */
@Command(name = "preview", description = "Show what up would do, changing nothing.")
final class Preview implements Callable<Integer> {
    /** What preview prints on stdout. */
    enum Format { text, markdown, json }

    @ParentCommand
    IvsStackCli cli;

    @Mixin
    TargetOptions scope;

    @Mixin
    ChangeOptions changes;

    @Option(names = "--refresh", description = "Refresh the state from the cloud first")
    boolean refresh;

    @Option(names = "--format", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}: text, a pull-request comment (markdown) or a plan for tools (json)")
    Format format;

    @Option(names = "--diagram-max-nodes", paramLabel = "N", defaultValue = "" + MarkdownRenderer.DEFAULT_DIAGRAM_MAX_NODES,
            description = "For --format markdown: the most resources its diagram draws; with more, it draws the changed "
                    + "ones and their direct neighbours (default: ${DEFAULT-VALUE}; 0: no diagram)")
    int diagramMaxNodes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (diagramMaxNodes < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--diagram-max-nodes must be 0 (no diagram) or more, not " + diagramMaxNodes);
        }
        boolean text = format == Format.text;
        // For markdown and json, stdout carries the document only; progress goes to stderr.
        PrintStream live = text ? cli.out : cli.err;
        try (TextRenderer renderer = new TextRenderer(live, cli.colors() && text, changes.diff, cli.global.debug)) {
            renderer.header("Previewing update (" + cli.target() + "):", true);
            String[] project = {null};
            try {
                return cli.withEngine(renderer, engine -> {
                    project[0] = engine.project().name();
                    OperationResult result = engine.preview(scope.options(refresh));
                    print(result, project[0], renderer);
                    return IvsStackCli.exitCode(result, changes.expectNoChanges);
                });
            } catch (RuntimeException e) {
                if (text) {
                    throw e;
                }
                // CI reads the document, not stderr: a preview that could not even start says why in it too.
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                print(new OperationResult("preview", true, List.of(), List.of(message), Map.of(), Duration.ZERO),
                        project[0], renderer);
                cli.err.println("error: " + message);
                return IvsStackCli.EXIT_FAILURE;
            }
        }
    }

    private void print(OperationResult result, String project, TextRenderer renderer) {
        switch (format) {
            case markdown -> cli.out.print(MarkdownRenderer.render(result, project, cli.global.stack, diagramMaxNodes));
            case json -> cli.out.print(JsonRenderer.render(result, project, cli.global.stack));
            case text -> renderer.summary(result, false);
        }
    }
}
