package com.ivsstack.pulumi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the wire package knows protobuf: code that works with values and schemas (a provider's resource code) needs
 * the value and schema packages alone. Nothing here knows IVS.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/ivsstack/pulumi");

    private static List<String> offenders(String packageDirectory, String... forbidden) throws IOException {
        var result = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDirectory))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (String token : forbidden) {
                    if (text.contains(token)) {
                        result.add(file.getFileName() + " uses " + token);
                    }
                }
            }
        }
        return result;
    }

    @Test
    void valueAndSchemaPackages_knowNothingOfProtobuf() throws IOException {
        assertThat(offenders("value", "com.google.protobuf", "com.ivsstack.pulumi.wire.")).isEmpty();
        assertThat(offenders("schema", "com.google.protobuf", "com.ivsstack.pulumi.wire.")).isEmpty();
    }

    @Test
    void everyPackage_knowsNothingOfIvsStacksOtherModules() throws IOException {
        assertThat(offenders("", "com.ivsstack.provider", "com.ivsstack.engine", "com.ivsstack.sdkgen",
                "software.amazon")).isEmpty();
    }
}
