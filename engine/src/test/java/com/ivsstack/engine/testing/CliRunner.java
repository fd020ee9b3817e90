package com.ivsstack.engine.testing;

import com.ivsstack.engine.cli.IvsStackCli;
import com.ivsstack.engine.cli.ProviderSetup;
import com.ivsstack.engine.testing.program.TestProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the ivsstack CLI in-process against a {@link TestProject} and its fake provider. */
public final class CliRunner {
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private final TestProject project;
    private final Map<String, String> environment;

    public CliRunner(TestProject project) {
        this(project, Map.of());
    }

    /**
     * @param extraEnvironment added to the runs' environment (a backend's credentials, PULUMI_BACKEND_URL); a key
     *                         mapped to null is removed from it
     */
    public CliRunner(TestProject project, Map<String, String> extraEnvironment) {
        this.project = project;
        this.environment = new java.util.LinkedHashMap<>(TestProject.environment());
        extraEnvironment.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
    }

    public static ProviderSetup setup(FakeCloud cloud) {
        return (projectDir, stateDir, local, plugin, events) ->
                new ProviderSetup.Prepared(TestProject.connector(cloud), Map.of(), () -> { }, "fake provider");
    }

    public Run run(String... args) {
        return run(environment, args);
    }

    /** Runs the CLI with this environment (for example without a passphrase). */
    public Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cwd", project.directory().toString(),
                "--program-classpath", TestProject.classpath(),
                "--main-class", TestProgram.class.getName()));
        IvsStackCli cli = new IvsStackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                environment, setup(project.cloud()), false);
        int code = IvsStackCli.commandLine(cli).execute(all.toArray(String[]::new));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ ivsstack " + String.join(" ", args) + "\n" + run);
        return run;
    }
}
