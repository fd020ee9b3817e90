package com.ivsstack.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.engine.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every Mermaid diagram of the golden files (the stack graphs, {@code *.mmd}, and the diagrams of the Markdown
 * plans, {@code *.md}) with Mermaid's own parser: the {@code mermaid} package from npm (with {@code jsdom}, which its
 * sanitiser needs), locked in src/test/mermaid, installed by {@code npm ci} under target/ and run by Node.js.
 *
 * <p>Without Node.js 20+ and npm, or when the packages cannot be installed (no registry and nothing in npm's cache),
 * the check is skipped, saying why; the golden tests run anyway. {@code -Dmermaid.check=required} makes that a
 * failure (a CI machine that must check), {@code -Dmermaid.check=off} skips it.
 */
class MermaidSyntaxTest {
    private static final Path SOURCE = Path.of("src/test/mermaid");
    private static final Path WORK = Path.of("target/mermaid-check");
    private static final Pattern MERMAID_BLOCK = Pattern.compile("```mermaid\n(.*?)```\n", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why the check cannot run here, or null when it can. */
    private static String unavailable;

    @BeforeAll
    static void installMermaid() throws IOException, InterruptedException {
        String mode = System.getProperty("mermaid.check", "auto");
        if (mode.equals("off")) {
            unavailable = "-Dmermaid.check=off";
            return;
        }
        unavailable = install();
        if (unavailable != null) {
            String message = "the Mermaid parse check is skipped: " + unavailable
                    + " (the golden tests still ran; -Dmermaid.check=required makes this a failure)";
            System.err.println("MermaidSyntaxTest: " + message);
            if (mode.equals("required")) {
                throw new IllegalStateException(message);
            }
        }
    }

    /** Installs mermaid and jsdom as locked, unless already there; why not, or null. */
    private static String install() throws IOException, InterruptedException {
        Run node = run(List.of("node", "--version"), Path.of("."), 30);
        if (node == null || node.exit() != 0) {
            return "Node.js is not installed (no 'node' on the PATH)";
        }
        Matcher version = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(node.output());
        if (!version.find() || Integer.parseInt(version.group(1)) < 20) {
            return "Node.js 20 or newer is needed, found " + node.output().strip();
        }
        Files.createDirectories(WORK);
        Path lock = SOURCE.resolve("package-lock.json");
        boolean installed = Files.exists(WORK.resolve("node_modules/mermaid/package.json"))
                && Files.exists(WORK.resolve("package-lock.json"))
                && Files.mismatch(lock, WORK.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "parse-check.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (installed) {
            return null;
        }
        // From npm's cache first: a machine that installed them once needs no network; without a registry, give up
        // after one short retry rather than npm's minutes of them.
        Run npm = run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts",
                "--loglevel=error", "--fetch-retries=1", "--fetch-retry-mintimeout=2000",
                "--fetch-retry-maxtimeout=10000"), WORK, 600);
        if (npm == null) {
            return "npm is not installed (no 'npm' on the PATH)";
        }
        if (npm.exit() != 0) {
            return "npm ci of src/test/mermaid failed (offline, with an empty npm cache?): "
                    + npm.output().strip().lines().limit(5).reduce((a, b) -> a + " | " + b).orElse("exit " + npm.exit());
        }
        return null;
    }

    @Test
    void goldenDiagrams_parseWithMermaid() throws IOException, InterruptedException {
        Assumptions.assumeTrue(unavailable == null, () -> "the Mermaid parse check is skipped: " + unavailable);
        List<Path> diagrams = goldenDiagrams();

        List<JsonNode> results = parse(diagrams);

        assertThat(diagrams).as("diagrams in the golden files").hasSizeGreaterThanOrEqualTo(7);
        assertThat(results).hasSameSizeAs(diagrams).allSatisfy(r -> assertThat(r.path("ok").asBoolean())
                .as("%s: %s", r.path("file").asText(), r.path("error").asText()).isTrue());
        assertThat(results).allSatisfy(r -> assertThat(r.path("type").asText()).isEqualTo("flowchart-v2"));
    }

    @Test
    void brokenDiagram_isReportedWithMermaidsError() throws IOException, InterruptedException {
        Assumptions.assumeTrue(unavailable == null, () -> "the Mermaid parse check is skipped: " + unavailable);
        Path broken = WORK.resolve("diagrams/broken.mmd");
        Files.createDirectories(broken.getParent());
        // An unquoted label with brackets: what the writer's quoting and entity codes exist to prevent.
        Files.writeString(broken, "flowchart LR\n    r0[say [hi]]\n", StandardCharsets.UTF_8);

        List<JsonNode> results = parse(List.of(broken));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.path("ok").asBoolean()).isFalse();
            assertThat(r.path("error").asText()).contains("Parse error");
        });
    }

    /** Each golden {@code .mmd} file, and each Mermaid block of a golden {@code .md} file as a file of its own. */
    private static List<Path> goldenDiagrams() throws IOException {
        Path out = WORK.resolve("diagrams");
        Files.createDirectories(out);
        List<Path> diagrams = new ArrayList<>();
        try (Stream<Path> files = Files.list(Golden.DIRECTORY)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".mmd")) {
                    diagrams.add(file);
                } else if (name.endsWith(".md")) {
                    Matcher block = MERMAID_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    for (int i = 0; block.find(); i++) {
                        Path diagram = out.resolve(name + "." + i + ".mmd");
                        Files.writeString(diagram, block.group(1), StandardCharsets.UTF_8);
                        diagrams.add(diagram);
                    }
                }
            }
        }
        return diagrams;
    }

    private static List<JsonNode> parse(List<Path> diagrams) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "parse-check.mjs"));
        diagrams.forEach(d -> command.add(d.toAbsolutePath().toString()));
        Run run = run(command, WORK, 300);
        assertThat(run).as("node parse-check.mjs").isNotNull();
        assertThat(run.exit()).as("node parse-check.mjs: %s", run.output()).isZero();
        List<JsonNode> results = new ArrayList<>();
        for (String line : run.output().lines().filter(l -> l.startsWith("{")).toList()) {
            results.add(JSON.readTree(line));
        }
        return results;
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command to its end (stdout and stderr together); null when the program is not there. */
    private static Run run(List<String> command, Path directory, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("mermaid-check", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
            } catch (IOException notFound) {
                return null;
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
