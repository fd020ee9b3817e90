package com.ivsstack.provider.schema;

import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.SchemaReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** schema.json as the provider jar carries it (copied from the repository root by the provider's pom). */
public final class BundledSchema {

    public static final String RESOURCE_PATH = "/schema.json";

    private BundledSchema() {
    }

    /** Reads schema.json from the classpath. */
    public static PackageSchema load() {
        try (InputStream in = BundledSchema.class.getResourceAsStream(RESOURCE_PATH)) {
            if (in == null) {
                throw new IllegalStateException("schema.json is missing from the classpath (" + RESOURCE_PATH
                        + "); the provider jar is built wrongly");
            }
            return SchemaReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema.json from the classpath", e);
        }
    }
}
