package com.ivsstack.engine.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.timing.RunTimings;
import com.ivsstack.pulumi.value.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Pulumi program as a subprocess with the environment the Pulumi Java language host gives it
 * ({@code PULUMI_MONITOR}, {@code PULUMI_ENGINE}, {@code PULUMI_PROJECT}, {@code PULUMI_STACK}, ...), streaming its
 * output through the deployment's events.
 */
public final class ProgramRunner {
    /** The exit code with which a Pulumi program says it already reported its error through the engine log. */
    public static final int ERROR_ALREADY_REPORTED = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgramRunner() {
    }

    public record Environment(String monitorAddress, String engineAddress, String organization, String project,
                              String stack, boolean dryRun, Map<String, Object> config, String rootDirectory,
                              int parallel) {
    }

    public static int run(ProgramSpec spec, Environment env, DeploymentEvents events) {
        return start(spec, env, events).waitFor();
    }

    /** A started program: wait for its exit code, or stop it when the run ends before the program's turn. */
    public static final class Running {
        private final Process process;
        private final Thread out;
        private final Thread err;

        private Running(Process process, Thread out, Thread err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Waits until the program has exited and its output has been passed on; its exit code. */
        public int waitFor() {
            try {
                int code = process.waitFor();
                out.join();
                err.join();
                return code;
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the program ran", e);
            }
        }

        /** Stops the program if it still runs, and waits until it is gone. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the program; its output goes to {@code events} line by line as it comes. */
    public static Running start(ProgramSpec spec, Environment env, DeploymentEvents events) {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
        Map<String, String> vars = builder.environment();
        vars.put("PULUMI_MONITOR", env.monitorAddress());
        vars.put("PULUMI_ENGINE", env.engineAddress());
        vars.put("PULUMI_ORGANIZATION", env.organization());
        vars.put("PULUMI_PROJECT", env.project());
        vars.put("PULUMI_STACK", env.stack());
        vars.put("PULUMI_DRY_RUN", Boolean.toString(env.dryRun()));
        vars.put("PULUMI_ROOT_DIRECTORY", env.rootDirectory());
        vars.put("PULUMI_PWD", spec.workingDirectory().toAbsolutePath().toString());
        vars.put("PULUMI_PARALLEL", Integer.toString(env.parallel()));
        Map<String, String> config = new LinkedHashMap<>();
        List<String> secretKeys = new ArrayList<>();
        env.config().forEach((k, v) -> {
            if (v instanceof Secret s) {
                secretKeys.add(k);
                config.put(k, String.valueOf(s.value()));
            } else {
                config.put(k, String.valueOf(v));
            }
        });
        try {
            vars.put("PULUMI_CONFIG", JSON.writeValueAsString(config));
            vars.put("PULUMI_CONFIG_SECRET_KEYS", JSON.writeValueAsString(secretKeys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the program (" + String.join(" ", spec.command()) + ")", e);
        }
        RunTimings.mark("program-started");
        closeQuietly(process.getOutputStream());
        Thread out = pump(process.getInputStream(), line -> events.programOutput(line, false));
        Thread err = pump(process.getErrorStream(), line -> events.programOutput(line, true));
        return new Running(process, out, err);
    }

    private static void closeQuietly(java.io.OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // nothing to tell the program on stdin anyway
        }
    }

    private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the program exited
            }
        }, "program-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
