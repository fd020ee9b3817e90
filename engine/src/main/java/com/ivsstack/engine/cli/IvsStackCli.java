package com.ivsstack.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.RunTimings;
import com.ivsstack.engine.exec.DeploymentEvents;
import com.ivsstack.engine.render.DisplayValues;
import com.ivsstack.engine.render.JsonRenderer;
import com.ivsstack.engine.render.MarkdownRenderer;
import com.ivsstack.engine.program.Project;
import com.ivsstack.engine.render.TextRenderer;
import com.ivsstack.engine.state.StackCatalog;
import com.ivsstack.engine.state.backend.BackendSelection;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.StateBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ivsstack}: preview, up, destroy, refresh and import Pulumi Java programs without the Pulumi CLI. */
@Command(name = "ivsstack", mixinStandardHelpOptions = true, version = "ivsstack 0.1.0",
        description = "Deploys Pulumi Java programs that use the ivs package, without the Pulumi CLI or a backend.",
        subcommands = {IvsStackCli.Preview.class, IvsStackCli.Up.class, IvsStackCli.Destroy.class,
                IvsStackCli.Refresh.class, IvsStackCli.Import.class, IvsStackCli.StackCommand.class, Cancel.class})
public final class IvsStackCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CHANGES = 2;

    final PrintStream out;
    final PrintStream err;
    final InputStream in;
    final Map<String, String> env;
    final ProviderSetup providers;
    final boolean terminal;

    @Mixin
    GlobalOptions global;

    public IvsStackCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                       ProviderSetup providers, boolean terminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.providers = providers;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        int code = commandLine(new IvsStackCli(System.out, System.err, System.in, System.getenv(),
                new IvsProviderSetup(), System.console() != null)).execute(args);
        RunTimings.exit();
        System.exit(code);
    }

    public static CommandLine commandLine(IvsStackCli cli) {
        RunTimings.jvmStart();
        RunTimings.mark("cli-main");
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(new java.io.PrintWriter(cli.out, true));
        cmd.setErr(new java.io.PrintWriter(cli.err, true));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            cli.err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return EXIT_FAILURE;
        });
        // A usage error is a failure (1): exit code 2 means only "there are changes" (--expect-no-changes).
        cmd.setParameterExceptionHandler((e, args) -> {
            cli.err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.err);
            cli.err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_FAILURE;
        });
        return cmd;
    }

    boolean colors() {
        return switch (global.color) {
            case always -> true;
            case never -> false;
            case auto -> terminal && !env.containsKey("NO_COLOR");
        };
    }

    /** Runs a body with an engine whose providers (and local endpoint) live as long as the body. */
    <T> T withEngine(DeploymentEvents events, java.util.function.Function<Engine, T> body) {
        RunTimings.mark("command-parsed");
        try (ProviderSetup.Prepared prepared = providers.prepare(global.projectDirectory(), global.stateDirectory(),
                global.local, global.plugin == null ? null : global.plugin.toAbsolutePath().normalize(), events)) {
            RunTimings.mark("providers-prepared");
            try (Engine engine = Engine.builder()
                    .projectDirectory(global.projectDirectory())
                    .stack(global.stack)
                    .stateDirectory(global.stateOption())
                    .backend(global.backend)
                    .connector(prepared.connector())
                    .configureOverrides(prepared.configureOverrides())
                    .programClasspath(global.programClasspath)
                    .mainClass(global.mainClass)
                    .environment(env)
                    .events(events)
                    .build()) {
                RunTimings.mark("project-loaded");
                return body.apply(engine);
            }
        }
    }

    /** The project's stacks on the backend the options select (no program, no provider). */
    StackCatalog catalog() {
        Project project = Project.load(global.projectDirectory(), global.stack);
        BackendUrl url = BackendSelection.select(global.backend, global.stateOption(), env, project.backendUrl(),
                global.projectDirectory());
        return new StackCatalog(StateBackend.open(url, env), project.name());
    }

    String target() {
        return global.stack + (global.local ? " (local endpoint)" : "");
    }

    /** Shared by the commands that run the program. */
    abstract static class ProgramCommand {
        @CommandLine.ParentCommand
        IvsStackCli cli;

        @Option(names = "--refresh", description = "Refresh the state from the cloud first")
        boolean refresh;

        @Option(names = "--target", paramLabel = "URN", description = "Limit the update to these resources (repeatable)")
        List<String> targets = List.of();

        @Option(names = "--parallel", defaultValue = "10", description = "Run at most N provider operations at once (default: ${DEFAULT-VALUE})")
        int parallel;

        @Option(names = "--diff", description = "Show the property changes of every step")
        boolean diff;

        Engine.Options options() {
            return new Engine.Options(refresh, new LinkedHashSet<>(targets), parallel);
        }
    }

    /** What preview prints on stdout. */
    enum Format { text, markdown, json }

    @Command(name = "preview", description = "Show what up would do, changing nothing.")
    static final class Preview extends ProgramCommand implements Callable<Integer> {
        @Option(names = "--expect-no-changes", description = "Exit with 2 if the preview has changes")
        boolean expectNoChanges;

        @Option(names = "--format", defaultValue = "text",
                description = "${COMPLETION-CANDIDATES}: text, a pull-request comment (markdown) or a plan for tools (json)")
        Format format;

        @Override
        public Integer call() {
            boolean text = format == Format.text;
            // For markdown and json, stdout carries the document only; progress goes to stderr.
            PrintStream live = text ? cli.out : cli.err;
            try (TextRenderer renderer = new TextRenderer(live, cli.colors() && text, diff, cli.global.debug)) {
                renderer.header("Previewing update (" + cli.target() + "):", true);
                String[] project = {null};
                try {
                    return cli.withEngine(renderer, engine -> {
                        project[0] = engine.project().name();
                        OperationResult result = engine.preview(options());
                        print(result, project[0], renderer);
                        return exitCode(result, expectNoChanges);
                    });
                } catch (RuntimeException e) {
                    if (text) {
                        throw e;
                    }
                    // CI reads the document, not stderr: a preview that could not even start says why in it too.
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    print(new OperationResult("preview", true, List.of(), List.of(message), Map.of(),
                            java.time.Duration.ZERO), project[0], renderer);
                    cli.err.println("error: " + message);
                    return EXIT_FAILURE;
                }
            }
        }

        private void print(OperationResult result, String project, TextRenderer renderer) {
            switch (format) {
                case markdown -> cli.out.print(MarkdownRenderer.render(result, project, cli.global.stack));
                case json -> cli.out.print(JsonRenderer.render(result, project, cli.global.stack));
                case text -> renderer.summary(result, false);
            }
        }
    }

    @Command(name = "up", aliases = "update", description = "Create or update the resources of the stack.")
    static final class Up extends ProgramCommand implements Callable<Integer> {
        @Option(names = {"-y", "--yes"}, description = "Apply without asking")
        boolean yes;

        @Option(names = "--skip-preview", description = "Apply without showing a preview first")
        boolean skipPreview;

        @Option(names = "--expect-no-changes", description = "Fail (exit 2) if the update changes anything")
        boolean expectNoChanges;

        @Option(names = "--show-secrets", description = "Show secret outputs in plain text")
        boolean showSecrets;

        @Override
        @SuppressWarnings("try") // the lock is held for the body, never referenced
        public Integer call() {
            try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), diff, cli.global.debug)) {
                return cli.withEngine(renderer, engine -> {
                    // Locked before the preview: a second run is refused before it has done anything.
                    try (Engine.Lock lock = engine.lock("ivsstack up")) {
                        return previewAndUpdate(engine, renderer);
                    }
                });
            }
        }

        private int previewAndUpdate(Engine engine, TextRenderer renderer) {
            if (!skipPreview || !yes) {
                renderer.header("Previewing update (" + cli.target() + "):", true);
                OperationResult preview = engine.preview(options());
                renderer.summary(preview, false);
                if (!preview.succeeded()) {
                    return EXIT_FAILURE;
                }
                if (!preview.hasChanges() && !yes) {
                    return EXIT_OK;
                }
                if (!yes && !cli.confirm("Do you want to perform this update?")) {
                    return EXIT_FAILURE;
                }
                cli.out.println();
            }
            renderer.header("Updating (" + cli.target() + "):", false);
            OperationResult result = engine.up(options());
            renderer.summary(result, showSecrets);
            return exitCode(result, expectNoChanges);
        }
    }

    @Command(name = "destroy", description = "Delete every resource of the stack.")
    static final class Destroy implements Callable<Integer> {
        @CommandLine.ParentCommand
        IvsStackCli cli;

        @Option(names = {"-y", "--yes"}, description = "Delete without asking")
        boolean yes;

        @Option(names = "--target", paramLabel = "URN", description = "Only these resources (repeatable)")
        List<String> targets = List.of();

        @Option(names = "--parallel", defaultValue = "10", description = "Run at most N deletes at once")
        int parallel;

        @Override
        @SuppressWarnings("try")
        public Integer call() {
            try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), false, cli.global.debug)) {
                Engine.Options options = new Engine.Options(false, new LinkedHashSet<>(targets), parallel);
                return cli.withEngine(renderer, engine -> {
                    try (Engine.Lock lock = engine.lock("ivsstack destroy")) {
                        return previewAndDestroy(engine, renderer, options);
                    }
                });
            }
        }

        private int previewAndDestroy(Engine engine, TextRenderer renderer, Engine.Options options) {
            renderer.header("Previewing destroy (" + cli.target() + "):", true);
            OperationResult preview = engine.destroy(true, options);
            renderer.summary(preview, false);
            if (!preview.succeeded()) {
                return EXIT_FAILURE;
            }
            if (!preview.hasChanges()) {
                return EXIT_OK;
            }
            if (!yes && !cli.confirm("Do you want to delete these resources?")) {
                return EXIT_FAILURE;
            }
            cli.out.println();
            renderer.header("Destroying (" + cli.target() + "):", false);
            OperationResult result = engine.destroy(false, options);
            renderer.summary(result, false);
            return exitCode(result, false);
        }
    }

    @Command(name = "refresh", description = "Update the state from what really exists in the cloud.")
    static final class Refresh implements Callable<Integer> {
        @CommandLine.ParentCommand
        IvsStackCli cli;

        @Option(names = {"-y", "--yes"}, description = "Accepted for symmetry with up; refresh never asks")
        boolean yes;

        @Option(names = "--preview-only", description = "Only report the differences; keep the state as it is")
        boolean previewOnly;

        @Option(names = "--expect-no-changes", description = "Exit with 2 if the cloud differs from the state")
        boolean expectNoChanges;

        @Option(names = "--diff", description = "Show the property changes")
        boolean diff;

        @Override
        public Integer call() {
            try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), diff, cli.global.debug)) {
                return cli.withEngine(renderer, engine -> {
                    renderer.header((previewOnly ? "Previewing refresh (" : "Refreshing (") + cli.target() + "):", previewOnly);
                    OperationResult result = engine.refresh(previewOnly, Engine.Options.DEFAULT);
                    renderer.summary(result, false);
                    return exitCode(result, expectNoChanges);
                });
            }
        }
    }

    @Command(name = "import", description = {"Adopt an existing cloud resource into the stack.",
            "With --all-owned: rebuild a lost state from what the program's resources created (their ownership tags)."})
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        IvsStackCli cli;

        @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "Resource type token, e.g. ivs:index:Channel")
        String type;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Resource name in the program")
        String name;

        @Parameters(index = "2", arity = "0..1", paramLabel = "ID", description = "The cloud id (for IVS, the ARN)")
        String id;

        @Option(names = "--all-owned", description = "Instead of TYPE NAME ID: run the program's preview and adopt "
                + "every resource it declares that the provider finds as created by it, e.g. after the state file was lost")
        boolean allOwned;

        @Option(names = {"-y", "--yes"}, description = "Accepted for symmetry with up; import never asks")
        boolean yes;

        @Override
        @SuppressWarnings("try")
        public Integer call() {
            if (allOwned == (id != null)) {
                throw new IllegalArgumentException(
                        "give either TYPE NAME ID to import one resource, or --all-owned (and no arguments) to adopt "
                                + "every resource the program declares that already exists");
            }
            try (TextRenderer renderer = new TextRenderer(cli.out, cli.colors(), true, cli.global.debug)) {
                return cli.withEngine(renderer, engine -> {
                    renderer.header("Importing (" + cli.target() + "):", false);
                    OperationResult result;
                    try (Engine.Lock lock = engine.lock("ivsstack import")) {
                        result = allOwned ? engine.importOwned() : engine.importResource(type, name, id, false);
                    }
                    renderer.summary(result, false);
                    if (result.succeeded() && !allOwned) {
                        cli.out.println();
                        cli.out.println("Declare it in the program with the same type and name (and these inputs) "
                                + "so the next up keeps it.");
                    }
                    return exitCode(result, false);
                });
            }
        }
    }

    @Command(name = "stack", description = "Stack outputs and state files.",
            subcommands = {StackOutput.class, StackExport.class, StackImport.class, StackLs.class, StackRm.class,
                    StackHistory.class})
    static final class StackCommand {
        @CommandLine.ParentCommand
        IvsStackCli cli;
    }

    @Command(name = "output", description = "Show the stack's outputs.")
    static final class StackOutput implements Callable<Integer> {
        @CommandLine.ParentCommand
        StackCommand stack;

        @Option(names = "--show-secrets", description = "Show secret values in plain text")
        boolean showSecrets;

        @Option(names = {"-j", "--json"}, description = "Print as JSON")
        boolean json;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this output")
        String name;

        @Override
        public Integer call() throws IOException {
            IvsStackCli cli = stack.cli;
            Map<String, Object> outputs = cli.withEngine(DeploymentEvents.NONE, Engine::stackOutputs);
            Map<String, Object> shown = new LinkedHashMap<>();
            outputs.forEach((k, v) -> shown.put(k, DisplayValues.revealIf(v, showSecrets)));
            if (name != null) {
                if (!shown.containsKey(name)) {
                    cli.err.println("error: the stack has no output named '" + name + "' (it has: "
                            + String.join(", ", shown.keySet()) + ")");
                    return EXIT_FAILURE;
                }
                Object v = shown.get(name);
                cli.out.println(json ? PRETTY.writeValueAsString(v) : (v instanceof String s ? s : PRETTY.writeValueAsString(v)));
                return EXIT_OK;
            }
            if (json) {
                cli.out.println(PRETTY.writeValueAsString(shown));
            } else {
                cli.out.println("Current stack outputs (" + shown.size() + "):");
                shown.forEach((k, v) -> cli.out.println("    " + k + "  " + DisplayValues.format(v)));
            }
            return EXIT_OK;
        }
    }

    @Command(name = "export", description = "Write the stack's state in the format of pulumi stack export.")
    static final class StackExport implements Callable<Integer> {
        @CommandLine.ParentCommand
        StackCommand stack;

        @Option(names = "--file", description = "Write to this file instead of stdout")
        Path file;

        @Override
        public Integer call() throws IOException {
            JsonNode exported = stack.cli.withEngine(DeploymentEvents.NONE, Engine::exportStack);
            String text = PRETTY.writeValueAsString(exported) + "\n";
            if (file != null) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else {
                stack.cli.out.print(text);
            }
            return EXIT_OK;
        }
    }

    @Command(name = "import", description = "Replace the stack's state with a file written by pulumi stack export.")
    static final class StackImport implements Callable<Integer> {
        @CommandLine.ParentCommand
        StackCommand stack;

        @Option(names = "--file", description = "Read this file instead of stdin")
        Path file;

        @Override
        public Integer call() throws IOException {
            JsonNode exported = file != null ? PRETTY.readTree(file.toFile()) : PRETTY.readTree(stack.cli.in);
            java.util.Optional<String> backup = stack.cli.withEngine(DeploymentEvents.NONE, engine -> {
                int resources = engine.importStack(exported);
                stack.cli.out.println("Imported the state of stack " + stack.cli.global.stack + ": " + resources + " resources.");
                return engine.store().backupLocation();
            });
            backup.ifPresent(b -> stack.cli.out.println("The previous state is kept in " + b + "."));
            return EXIT_OK;
        }
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static int exitCode(OperationResult result, boolean expectNoChanges) {
        if (!result.succeeded()) {
            return EXIT_FAILURE;
        }
        return expectNoChanges && result.hasChanges() ? EXIT_CHANGES : EXIT_OK;
    }

    boolean confirm(String question) {
        if (!terminal) {
            err.println("error: " + question.replace("?", "") + " needs confirmation; pass --yes to go ahead without a terminal");
            return false;
        }
        out.print(question + " [yes/no] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("yes") || answer.trim().equalsIgnoreCase("y"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
