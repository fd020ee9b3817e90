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

    /**
     * Compiles the project and returns its runtime classpath (target/classes first). A project inside a larger
     * Maven build (a repository with its own wrapper, like this one's examples) is built from that root with
     * {@code -pl <project> -am}, so dependencies on sibling modules (the SDK) come from the build itself and need no
     * {@code mvn install}. Maven options can be passed in MAVEN_ARGS (for example -o).
     */
    static String mavenClasspath(Path dir) {
        if (!Files.exists(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no pom.xml in " + dir + ": a Java program needs a Maven project or "
                    + "runtime.options.binary in Pulumi.yaml");
        }
        Path project = dir.toAbsolutePath().normalize();
        Path out = project.resolve("target").resolve("ivsstack.classpath");
        if (upToDate(project, out)) {
            try {
                return classpathFrom(project, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path root = buildRoot(project);
        List<String> command = new ArrayList<>(mavenCommand(root));
        command.addAll(List.of("-q", "-B"));
        if (!root.equals(project)) {
            command.addAll(List.of("-f", root.resolve("pom.xml").toString(), "-pl", root.relativize(project).toString(), "-am"));
        }
        // Every module of an -am build writes the file; the program's own module is built last and wins.
        command.addAll(List.of("compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=runtime"));
        try {
            Process p = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("building the program failed (" + String.join(" ", command)
                        + "); fix the errors above");
            }
            return classpathFrom(project, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Maven (" + command.get(0) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the program", e);
        }
    }

    private static String classpathFrom(Path project, Path classpathFile) throws IOException {
        String deps = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
        return project.resolve("target").resolve("classes") + (deps.isEmpty() ? "" : java.io.File.pathSeparator + deps);
    }

    /**
     * Whether the last build is still good: the classpath file is newer than the pom and every source and resource
     * of the project (IVSSTACK_REBUILD forces a build). Dependencies from the surrounding build are not checked.
     */
    private static boolean upToDate(Path project, Path classpathFile) {
        if (System.getenv("IVSSTACK_REBUILD") != null || !Files.exists(classpathFile)) {
            return false;
        }
        try {
            long built = Files.getLastModifiedTime(classpathFile).toMillis();
            if (Files.getLastModifiedTime(project.resolve("pom.xml")).toMillis() > built) {
                return false;
            }
            Path src = project.resolve("src");
            if (!Files.exists(src)) {
                return true;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(src)) {
                return files.filter(Files::isRegularFile).allMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).toMillis() <= built;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The directory to run Maven in: the nearest ancestor with a Maven wrapper and a pom that (transitively)
     * lists the project as a module; the project itself otherwise.
     */
    static Path buildRoot(Path project) {
        for (Path d = project.getParent(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("mvnw")) && Files.exists(d.resolve("pom.xml"))) {
                return isModule(d, project) ? d : project;
            }
        }
        return project;
    }

    private static boolean isModule(Path parent, Path project) {
        if (parent.equals(project)) {
            return true;
        }
        try {
            String pom = Files.readString(parent.resolve("pom.xml"), StandardCharsets.UTF_8);
            Matcher m = MODULE.matcher(pom);
            while (m.find()) {
                Path module = parent.resolve(m.group(1).trim()).normalize();
                if (project.startsWith(module) && Files.exists(module.resolve("pom.xml")) && isModule(module, project)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

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
