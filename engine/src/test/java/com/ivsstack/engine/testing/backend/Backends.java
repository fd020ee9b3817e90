package com.ivsstack.engine.testing.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The three kinds of state backend for tests that run on each ({@code @EnumSource(Backends.Kind.class)} and a
 * parameter of this type): a new, empty backend of a kind per call of {@link #newUrl}. The servers start on first
 * use, once per test JVM ({@link S3Server}, {@link PostgresServer}).
 */
public final class Backends implements ParameterResolver {
    public enum Kind { FILE, S3, POSTGRES }

    private final ExtensionContext context;

    /** The extension (JUnit makes it). */
    public Backends() {
        this(null);
    }

    private Backends(ExtensionContext context) {
        this.context = context;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Backends.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Backends(context);
    }

    public S3Server s3() {
        return S3Server.get(context);
    }

    public PostgresServer postgres() {
        return PostgresServer.get(context);
    }

    /** A new, empty backend's URL: a new directory, bucket (with a key prefix) or database. */
    public String newUrl(Kind kind) {
        return switch (kind) {
            case FILE -> {
                try {
                    yield "file://" + Files.createTempDirectory("ivsstack-state");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case S3 -> s3().url(s3().newBucket() + "/team/state");
            case POSTGRES -> postgres().url(postgres().newDatabase());
        };
    }

    /** The environment a run against these servers needs (the S3 server's credentials). */
    public static Map<String, String> environment() {
        return S3Server.credentials();
    }

    /** A file:// URL's directory. */
    public static Path directory(String fileUrl) {
        return Path.of(fileUrl.substring("file://".length()));
    }
}
