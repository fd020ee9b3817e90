package com.ivsstack.engine.program;

import java.nio.file.Path;
import java.util.List;

/** How to start a program: the command line (java plus its arguments) and its working directory. */
public record ProgramSpec(List<String> command, Path workingDirectory) {
    public ProgramSpec {
        command = List.copyOf(command);
    }

    public static ProgramSpec classpath(String classpath, String mainClass, Path workingDirectory) {
        return new ProgramSpec(List.of(javaExecutable(), "-cp", classpath, mainClass), workingDirectory);
    }

    public static ProgramSpec jar(Path jar, Path workingDirectory) {
        return new ProgramSpec(List.of(javaExecutable(), "-jar", jar.toString()), workingDirectory);
    }

    /** The JDK running the engine also runs programs: one JDK on the machine is enough. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
