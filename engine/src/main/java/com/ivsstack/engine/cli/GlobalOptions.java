package com.ivsstack.engine.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes. */
public final class GlobalOptions {
    @Option(names = {"-s", "--stack"}, scope = ScopeType.INHERIT, defaultValue = "dev",
            description = "Stack name (default: ${DEFAULT-VALUE}); config comes from Pulumi.<stack>.yaml")
    String stack;

    @Option(names = {"-C", "--cwd"}, scope = ScopeType.INHERIT, description = "Run in this project directory")
    Path cwd;

    @Option(names = "--state", scope = ScopeType.INHERIT, description = "State directory, the same as --backend file://DIR (default: <project>/.ivsstack)")
    Path state;

    @Option(names = "--backend", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Where the stack's state is kept: file://DIR, s3://BUCKET[/PREFIX]?region=R or "
                    + "postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: PULUMI_BACKEND_URL, else backend.url of "
                    + "Pulumi.yaml, else file://<project>/.ivsstack)")
    String backend;

    @Option(names = "--local", scope = ScopeType.INHERIT,
            description = "Use the embedded local IVS endpoint, its data kept in the state directory")
    boolean local;

    @Option(names = "--plugin", scope = ScopeType.INHERIT,
            description = "Launch this pulumi-resource-ivs binary (or the directory holding it) instead of the in-process provider")
    Path plugin;

    /** When output is colored. */
    enum ColorMode { auto, always, never }

    @Option(names = "--color", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: colors only on a terminal)")
    ColorMode color;

    @Option(names = "--program-classpath", scope = ScopeType.INHERIT, hidden = true,
            description = "Run the program with this classpath instead of building it with Maven")
    String programClasspath;

    @Option(names = "--main-class", scope = ScopeType.INHERIT, hidden = true,
            description = "The program's main class, when the pom does not name it")
    String mainClass;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show debug messages of the program and providers")
    boolean debug;

    Path projectDirectory() {
        return (cwd == null ? Path.of("") : cwd).toAbsolutePath().normalize();
    }

    /** --state as given, or null. */
    Path stateOption() {
        return state == null ? null : state.toAbsolutePath().normalize();
    }

    Path stateDirectory() {
        return state != null ? state.toAbsolutePath().normalize() : projectDirectory().resolve(".ivsstack");
    }
}
