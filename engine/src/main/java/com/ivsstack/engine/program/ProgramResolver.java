package com.ivsstack.engine.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out how to run a project's program, as the Pulumi Java language host does: {@code runtime.options.binary}
 * names a jar to run; otherwise the project is a Maven project, compiled with the Maven wrapper of the repository
 * (or {@code mvn}), and run with its runtime classpath and the main class its pom names. A classpath given by the
 * caller (tests, CI caches) skips Maven.
 */
public final class ProgramResolver {
    private static final Pattern MAIN_CLASS = Pattern.compile("<(?:exec\\.)?mainClass>\\s*([\\w.$]+)\\s*</(?:exec\\.)?mainClass>");

    private ProgramResolver() {
    }

    public static ProgramSpec resolve(Project project, String classpathOverride, String mainClassOverride) {
        Path dir = project.directory();
        String binary = project.runtimeOption("binary");
        if (binary != null) {
            Path jar = dir.resolve(binary);
            if (!Files.exists(jar)) {
                throw new IllegalArgumentException("runtime.options.binary names " + jar + ", which does not exist; build it first");
            }
            return ProgramSpec.jar(jar, dir);
        }
        String mainClass = mainClassOverride != null ? mainClassOverride : mainClass(project);
        if (classpathOverride != null) {
            return ProgramSpec.classpath(classpathOverride, mainClass, dir);
        }
        return ProgramSpec.classpath(mavenClasspath(dir), mainClass, dir);
    }

    static String mainClass(Project project) {
        String fromOptions = project.runtimeOption("mainClass");
        if (fromOptions != null) {
            return fromOptions;
        }
        Path pom = project.directory().resolve("pom.xml");
        if (Files.exists(pom)) {
            try {
                Matcher m = MAIN_CLASS.matcher(Files.readString(pom, StandardCharsets.UTF_8));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("cannot tell the program's main class: set <mainClass> (exec-maven-plugin) "
                + "or the property exec.mainClass in " + pom + ", or runtime.options.mainClass in Pulumi.yaml");
    }

    /** Compiles the project and returns its runtime classpath (target/classes first). */
    static String mavenClasspath(Path dir) {
        if (!Files.exists(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no pom.xml in " + dir + ": a Java program needs a Maven project or "
                    + "runtime.options.binary in Pulumi.yaml");
        }
        Path out = dir.resolve("target").resolve("ivsstack.classpath");
        List<String> command = new ArrayList<>(mavenCommand(dir));
        command.addAll(List.of("-q", "-B", "compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=runtime"));
        String extra = System.getenv("IVSSTACK_MAVEN_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("building the program failed (" + String.join(" ", command)
                        + " in " + dir + "); fix the compile errors above");
            }
            String deps = Files.readString(out, StandardCharsets.UTF_8).strip();
            return dir.resolve("target").resolve("classes") + (deps.isEmpty() ? "" : java.io.File.pathSeparator + deps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Maven (" + command.get(0) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the program", e);
        }
    }

    /** The nearest Maven wrapper up the tree (a repository's own), else mvn from PATH. */
    private static List<String> mavenCommand(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path wrapper = d.resolve("mvnw");
            if (Files.isExecutable(wrapper)) {
                return List.of(wrapper.toString());
            }
        }
        return List.of("mvn");
    }
}
