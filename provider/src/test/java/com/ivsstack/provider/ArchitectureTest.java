package com.ivsstack.provider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of the provider, checked on its sources: only {@code aws} builds SDK clients and reads SDK
 * exceptions; resource, schema, function and aws code knows nothing of gRPC or Pulumi's wire types.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/com/ivsstack/provider");

    private static List<Path> javaFiles(String packageDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDirectory))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> offenders(List<Path> files, String... forbidden) throws IOException {
        var result = new ArrayList<String>();
        for (Path file : files) {
            String text = Files.readString(file);
            for (String token : forbidden) {
                if (text.contains(token)) {
                    result.add(file.getFileName() + " uses " + token);
                }
            }
        }
        return result;
    }

    @Test
    void awsClients_areBuiltAndTheirExceptionsReadOnlyInTheAwsPackage() throws IOException {
        var outside = new ArrayList<Path>();
        for (String dir : List.of("resource", "schema", "function")) {
            outside.addAll(javaFiles(dir));
        }
        outside.add(SOURCES.resolve("IvsProvider.java"));
        outside.add(SOURCES.resolve("ProviderConfig.java"));
        assertThat(offenders(outside, "IvsClient.builder", "IvsRealTimeClient.builder", "import software.amazon.awssdk.services.ivs.IvsClient;",
                "import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;", "SdkException",
                "AwsServiceException", "software.amazon.awssdk.auth", "software.amazon.awssdk.http")).isEmpty();
    }

    @Test
    void coreCode_knowsNothingOfGrpcOrPulumiWireTypes() throws IOException {
        var core = new ArrayList<Path>();
        for (String dir : List.of("resource", "schema", "function", "aws", "api")) {
            core.addAll(javaFiles(dir));
        }
        assertThat(core).isNotEmpty();
        assertThat(offenders(core, "io.grpc", "pulumirpc", "com.google.protobuf")).isEmpty();
    }

    @Test
    void coreCode_usesThePropertyValuesButNotTheirWireCodec() throws IOException {
        var core = new ArrayList<Path>();
        for (String dir : List.of("resource", "schema", "function", "aws", "api", "model")) {
            core.addAll(javaFiles(dir));
        }
        assertThat(offenders(core, "com.ivsstack.pulumi.wire")).isEmpty();
    }

    @Test
    void schemaPackage_knowsNothingOfAws() throws IOException {
        assertThat(offenders(javaFiles("schema"), "software.amazon")).isEmpty();
    }
}
