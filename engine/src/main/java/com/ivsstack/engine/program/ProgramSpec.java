package com.ivsstack.engine.program;

import java.nio.file.Path;
import java.util.List;

/** How to start a program: the command line (java plus its arguments) and its working directory. */
public record ProgramSpec(List<String> command, Path workingDirectory) {
    public ProgramSpec {
        command = List.copyOf(command);
    }

    public static ProgramSpec classpath(String classpath, String mainClass, Path workingDirectory) {
        List<String> command = new java.util.ArrayList<>(javaCommand());
        command.addAll(List.of("-cp", classpath, mainClass));
        return new ProgramSpec(command, workingDirectory);
    }

    public static ProgramSpec jar(Path jar, Path workingDirectory) {
        List<String> command = new java.util.ArrayList<>(javaCommand());
        command.addAll(List.of("-jar", jar.toString()));
        return new ProgramSpec(command, workingDirectory);
    }

    /**
     * java with options for a short-lived program: its run time is mostly start-up, which the client compiler and
     * the serial collector shorten. IVSSTACK_PROGRAM_JAVA_OPTS replaces them.
     */
    private static List<String> javaCommand() {
        List<String> command = new java.util.ArrayList<>();
        command.add(javaExecutable());
        String opts = System.getenv("IVSSTACK_PROGRAM_JAVA_OPTS");
        if (opts == null) {
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        } else if (!opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        if (opts == null || !opts.contains("java.util.logging.config")) {
            command.add("-Djava.util.logging.config.file=" + loggingConfig());
        }
        return command;
    }

    private static Path loggingConfig;

    /**
     * The program's java.util.logging configuration: the JDK's defaults, except that the Pulumi Java SDK's copy of
     * every message it sends to the engine is not printed too (its errors carry the whole java command line, and the
     * engine shows them already). The SDK sets that logger's level itself, so the logger is cut off from the console
     * handler instead.
     */
    private static synchronized Path loggingConfig() {
        if (loggingConfig == null) {
            try {
                Path file = java.nio.file.Files.createTempFile("ivsstack-program-logging", ".properties");
                file.toFile().deleteOnExit();
                java.nio.file.Files.writeString(file, String.join("\n",
                        "handlers = java.util.logging.ConsoleHandler",
                        ".level = INFO",
                        "java.util.logging.ConsoleHandler.level = INFO",
                        "java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter",
                        "com.pulumi.deployment.internal.DeploymentImpl.useParentHandlers = false", ""));
                loggingConfig = file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the program's logging configuration", e);
            }
        }
        return loggingConfig;
    }

    /** The JDK running the engine also runs programs: one JDK on the machine is enough. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
