import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the plugin's own Java runtime (the build's {@code package} phase runs this source file with the JDK that runs
 * Maven): the plugin jar and the jars of its Class-Path merged into one open module, a {@code jlink} image of that module
 * and of the JDK modules {@code jdeps} finds it needs, and the image's default class-data sharing archive, trained by
 * {@code com.ivsstack.provider.grpc.ClassDataTraining} and dumped into the image.
 *
 * <p>Why one module inside the image rather than jars beside it: a JDK 17 archive of classes from jars records each
 * jar's path and modification time, and Pulumi unpacks plugins into a directory of its own with fresh times, so such an
 * archive made here would be refused at every start. Classes in the image's {@code lib/modules} are checked by neither,
 * so the archive made here maps wherever the tarball is unpacked, from the first start on.
 *
 * <p>Arguments ({@code --name=value}): {@code plugin-jar} (its manifest's Class-Path names the libraries, in order),
 * {@code libraries} (the directory holding them), {@code module}, {@code main-class}, {@code training-class},
 * {@code work} (a scratch directory), {@code output} (the runtime image, replaced), {@code optional-modules} (JDK modules
 * that jdeps finds but the plugin can do without: required {@code static}, so not linked), {@code extra-modules} (JDK
 * modules that jdeps cannot see, linked too) and {@code jvm-options} (those of the launchers, for the training run).
 */
public final class PluginRuntimeImage {

    private final Map<String, String> options;
    private final Path work;
    private final Path output;
    private final String module;

    private PluginRuntimeImage(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(option("work"));
        this.output = Path.of(option("output"));
        this.module = option("module");
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<String, String>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        new PluginRuntimeImage(options).build();
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name + "=...");
        }
        return value;
    }

    private List<String> listOption(String name) {
        return Arrays.stream(options.getOrDefault(name, "").split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private final List<String> stepTimes = new ArrayList<>();
    private long stepStarted = System.nanoTime();

    /** Notes how long the step just done took, for the summary (the build's time is watched). */
    private void step(String name) {
        stepTimes.add(String.format("%s %.1f s", name, (System.nanoTime() - stepStarted) / 1e9));
        stepStarted = System.nanoTime();
    }

    private void build() throws Exception {
        long started = System.nanoTime();
        deleteRecursively(work);
        Files.createDirectories(work);
        // The merged classes go straight into an uncompressed jar: jdeps, javac and jlink read a jar faster than
        // thousands of files, and jlink compresses nothing (see below).
        Path moduleJar = work.resolve(module + ".jar");
        Map<String, Set<String>> services = merge(jarsInClasspathOrder(), moduleJar);
        step("merge");
        Set<String> jdkModules = jdkModulesNeeded(moduleJar);
        step("jdeps");
        Set<String> optional = new TreeSet<>(listOption("optional-modules"));
        Path descriptor = Files.createDirectories(work.resolve("descriptor"));
        Files.writeString(descriptor.resolve("module-info.java"),
                moduleInfo(jdkModules, optional, services, providerClasses(moduleJar)));
        run("javac", "--patch-module", module + "=" + moduleJar, "-d", descriptor.toString(),
                descriptor.resolve("module-info.java").toString());
        run("jar", "--update", "--no-compress", "--file", moduleJar.toString(), "--main-class", option("main-class"),
                "-C", descriptor.toString(), "module-info.class");
        step("module descriptor");
        var linked = new ArrayList<String>();
        linked.add(module);
        linked.addAll(listOption("extra-modules"));
        deleteRecursively(output);
        // Uncompressed modules: the tarball's gzip compresses them better than jlink's zip would, and classes load
        // without inflating. Debug attributes stripped: 9 MB less in the tarball (stack traces lose line numbers).
        run("jlink", "--module-path", moduleJar.toString(), "--add-modules", String.join(",", linked),
                "--output", output.toString(), "--compress=0", "--strip-debug", "--no-header-files", "--no-man-pages");
        step("jlink");
        Path java = output.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        Path classList = work.resolve("classlist");
        var training = new ArrayList<>(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList));
        training.addAll(listOption("jvm-options"));
        training.addAll(List.of("-m", module + "/" + option("training-class")));
        exec(training);
        step("training");
        // The default archive of the image (next to the JVM library), so that every start maps it with no option.
        // Dumped with the default collector, G1, which also archives heap objects for starts that use G1.
        Path archive = jvmLibraryDirectory().resolve("classes.jsa");
        exec(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-Xlog:all=error:stderr", "--add-modules", module));
        step("dump");
        // -Xshare:on refuses to start unless the archive maps: the image is checked before it is packed.
        exec(List.of(java.toString(), "-Xshare:on", "-Xlog:disable", "-Xlog:all=error:stderr", "--add-modules", module,
                "-version"));

        System.out.printf("plugin runtime: %s, modules %s (jdeps: %s; left out: %s), %d classes archived, %d MB, %.1f s"
                        + " (%s)%n", output, String.join(",", linked), String.join(",", jdkModules), String.join(",", optional),
                Files.readAllLines(classList).stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count(),
                directorySize(output) >> 20, (System.nanoTime() - started) / 1e9, String.join(", ", stepTimes));
    }

    /** The plugin jar, then the jars its manifest's Class-Path names, in that order (the class path's order). */
    private List<Path> jarsInClasspathOrder() throws IOException {
        Path pluginJar = Path.of(option("plugin-jar"));
        Path libraries = Path.of(option("libraries"));
        var jars = new ArrayList<Path>();
        jars.add(pluginJar);
        try (var jar = new JarFile(pluginJar.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            for (String entry : classPath.trim().split("\\s+")) {
                Path library = libraries.resolve(Path.of(entry).getFileName());
                if (!Files.isRegularFile(library)) {
                    throw new IllegalStateException("the plugin jar's Class-Path names " + entry + ", which is not in "
                            + libraries);
                }
                jars.add(library);
            }
        }
        return jars;
    }

    /**
     * Writes every jar's entries into the jar {@code into} as the class path would see them: the first jar that has an
     * entry wins, a multi-release jar gives the entry of this JDK's release. Service files are joined (every provider
     * stays), license and notice files kept per jar, signatures and module descriptors of the jars dropped.
     * Returns the services: their type and provider classes.
     */
    private static Map<String, Set<String>> merge(List<Path> jars, Path into) throws IOException {
        var services = new LinkedHashMap<String, Set<String>>();
        var written = new HashSet<String>();
        try (var out = new JarOutputStream(Files.newOutputStream(into))) {
            out.setMethod(ZipOutputStream.STORED);
            for (Path jarPath : jars) {
                String jarName = jarPath.getFileName().toString().replaceFirst("\\.jar$", "");
                try (var jar = new JarFile(jarPath.toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.versionedStream()::iterator) {
                        String name = entry.getName();
                        if (entry.isDirectory() || skipped(name)) {
                            continue;
                        }
                        if (name.startsWith("META-INF/services/")) {
                            services.computeIfAbsent(name.substring("META-INF/services/".length()),
                                    s -> new LinkedHashSet<>()).addAll(providers(jar, entry));
                            continue;
                        }
                        if (name.startsWith("META-INF/") && name.matches("(?i).*/[^/]*(license|notice)[^/]*")) {
                            name = "META-INF/licenses/" + jarName + "/" + name.substring(name.lastIndexOf('/') + 1);
                        }
                        if (written.add(name)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                store(out, name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
            for (var service : services.entrySet()) {
                store(out, "META-INF/services/" + service.getKey(),
                        String.join("\n", service.getValue()).concat("\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return services;
    }

    private static void store(JarOutputStream out, String name, byte[] content) throws IOException {
        var entry = new JarEntry(name);
        var crc = new CRC32();
        crc.update(content);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /** The class files' names in {@code jar}, for telling which listed service providers exist. */
    private static Set<String> providerClasses(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static boolean skipped(String name) {
        return name.equals("module-info.class") || name.equals("META-INF/MANIFEST.MF") || name.equals("META-INF/INDEX.LIST")
                || name.startsWith("META-INF/versions/") || name.matches("META-INF/[^/]*\\.(SF|RSA|DSA|EC)");
    }

    private static List<String> providers(JarFile jar, JarEntry serviceFile) throws IOException {
        try (InputStream in = jar.getInputStream(serviceFile)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();
        }
    }

    /** The JDK modules the merged classes refer to, as jdeps finds them (all classes, reachable or not). */
    private Set<String> jdkModulesNeeded(Path classes) {
        String printed = run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release",
                Integer.toString(Runtime.version().feature()), classes.toString());
        var modules = new TreeSet<String>();
        for (String name : printed.trim().split(",")) {
            if (!name.isBlank() && !name.equals("java.base")) {
                modules.add(name.trim());
            }
        }
        return modules;
    }

    /**
     * An open module (the libraries reflect on their own classes and read their own resources): it reads the JDK
     * modules jdeps found, and uses and provides every service of the merged service files, since a named module may
     * only load the services it declares.
     */
    private String moduleInfo(Set<String> jdkModules, Set<String> optional, Map<String, Set<String>> services,
            Set<String> classes) {
        var text = new StringBuilder("open module ").append(module).append(" {\n");
        for (String jdkModule : jdkModules) {
            text.append("    requires ").append(optional.contains(jdkModule) ? "static " : "").append(jdkModule)
                    .append(";\n");
        }
        services.forEach((service, providers) -> {
            List<String> present = providers.stream().filter(classes::contains).toList();
            text.append("    uses ").append(service).append(";\n");
            if (!present.isEmpty()) {
                text.append("    provides ").append(service).append(" with ")
                        .append(String.join(", ", present.stream().map(p -> p.replace('$', '.')).toList())).append(";\n");
            }
        });
        return text.append("}\n").toString();
    }

    /** Where the image's JVM library is (lib/server, or bin/server on Windows): its default archive goes there. */
    private Path jvmLibraryDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(f -> f.getFileName().toString().matches("(lib)?jvm\\.(so|dylib|dll)"))
                    .map(Path::getParent).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JVM library in the image " + output));
        }
    }

    /** Runs a JDK tool in this JVM; returns what it printed, or fails with it. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                "the JDK running the build has no " + tool + ": build with a full JDK 17 (with its jmods)"));
        var out = new ByteArrayOutputStream();
        int code;
        try (var print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = provider.run(print, print, args);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed (" + code + "):\n" + printed);
        }
        return printed;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                    + printed);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                file.toFile().setWritable(true);
                Files.delete(file);
            }
        }
    }
}
