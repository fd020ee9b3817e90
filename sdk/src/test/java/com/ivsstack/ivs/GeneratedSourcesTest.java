package com.ivsstack.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.SdkGenerator;
import com.ivsstack.pulumi.schema.SchemaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in SDK sources and resource pages are exactly what the generator makes from the checked-in
 * schema.json: an edit by hand, or a schema change without regenerating, fails here.
 */
class GeneratedSourcesTest {

    private static final Path REPO = Path.of("..");
    private static final String HOW_TO_FIX = "sdk/ or docs/resources/ differ from what schema.json generates."
            + " Regenerate with `./mvnw -B -o -q -pl sdk/generator -am compile -Dsdk.regenerate` and commit the result"
            + " (never edit generated files by hand). Differences: ";

    @TempDir
    Path regenerated;

    @Test
    void sdkSources_regeneratedFromSchema_matchCheckedInFilesExactly() throws IOException {
        var generator = new SdkGenerator(SchemaReader.read(REPO.resolve("schema.json")));
        SdkGenerator.write(regenerated.resolve("sdk"), generator.generateSdk());
        SdkGenerator.write(regenerated.resolve("docs"), generator.generateDocs(REPO.resolve("examples")));

        List<String> differences = new ArrayList<>();
        differences.addAll(compare(regenerated.resolve("sdk/src/main"), REPO.resolve("sdk/src/main")));
        differences.addAll(compare(regenerated.resolve("docs"), REPO.resolve("docs/resources")));

        assertThat(differences).as(HOW_TO_FIX + differences).isEmpty();
    }

    @Test
    void sdkSources_afterRegeneration_includeThePluginDiscoveryResources() throws IOException {
        var generator = new SdkGenerator(SchemaReader.read(REPO.resolve("schema.json")));
        Map<String, String> files = generator.generateSdk().stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));

        // A release stamps pluginDownloadURL into the schema (.github/workflows/release.yml): plugin.json names it.
        var downloadUrl = new com.fasterxml.jackson.databind.ObjectMapper().readTree(REPO.resolve("schema.json").toFile())
                .path("pluginDownloadURL");
        String server = downloadUrl.isMissingNode() ? "" : ",\"server\":\"" + downloadUrl.asText() + "\"";

        assertThat(files).containsEntry("src/main/resources/com/ivsstack/ivs/version.txt", "0.1.0\n")
                .containsEntry("src/main/resources/com/ivsstack/ivs/plugin.json",
                        "{\"resource\":true,\"name\":\"ivs\",\"version\":\"0.1.0\"" + server + "}\n");
    }

    @Test
    void resourcePages_everyResource_showsACompiledExample() {
        var generator = new SdkGenerator(SchemaReader.read(REPO.resolve("schema.json")));

        assertThat(generator.generateDocs(REPO.resolve("examples")))
                .filteredOn(page -> !page.path().equals("README.md"))
                .hasSize(SchemaReader.read(REPO.resolve("schema.json")).resources().size())
                .allSatisfy(page -> assertThat(page.content()).as(page.path()
                        + ": mark a declaration in an example with // docs:begin <token> ... // docs:end <token>")
                        .contains("```java\n"));
    }

    private static List<String> compare(Path expectedRoot, Path actualRoot) throws IOException {
        Map<String, Path> expected = files(expectedRoot);
        Map<String, Path> actual = files(actualRoot);
        List<String> differences = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            Path checkedIn = actual.get(entry.getKey());
            if (checkedIn == null) {
                differences.add("missing " + actualRoot.resolve(entry.getKey()));
            } else if (!Files.readString(checkedIn).equals(Files.readString(entry.getValue()))) {
                differences.add("changed " + actualRoot.resolve(entry.getKey()));
            }
        }
        Set<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).collect(Collectors.toSet());
        extra.forEach(k -> differences.add("not generated (stale or hand-written) " + actualRoot.resolve(k)));
        return differences;
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }
}
