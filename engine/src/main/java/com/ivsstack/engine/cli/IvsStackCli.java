package com.ivsstack.engine.cli;

import com.ivsstack.engine.state.StateBackends;
import com.ivsstack.engine.Engine;
import com.ivsstack.engine.OperationResult;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.program.Project;
import com.ivsstack.engine.state.StackCatalog;
import com.ivsstack.engine.state.backend.BackendSelection;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.timing.RunTimings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * {@code ivsstack}: preview, up, destroy, refresh and import Pulumi Java programs without the Pulumi CLI. The root
 * command holds what every command uses (the streams, the global options, the engine); each command is a file.
 */
@Command(name = "ivsstack", mixinStandardHelpOptions = true, version = "ivsstack 0.1.0",
        description = "Deploys Pulumi Java programs that use the ivs package, without the Pulumi CLI or a backend.",
        subcommands = {Preview.class, Up.class, Destroy.class, Refresh.class, Import.class, StackCommand.class, Cancel.class})
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
        return new StackCatalog(StateBackends.open(url, env), project.name());
    }

    String target() {
        return global.stack + (global.local ? " (local endpoint)" : "");
    }

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
