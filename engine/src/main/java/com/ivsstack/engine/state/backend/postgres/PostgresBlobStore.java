package com.ivsstack.engine.state.backend.postgres;

import com.ivsstack.engine.state.backend.BackendException;
import com.ivsstack.engine.state.backend.BackendException.Kind;
import com.ivsstack.engine.state.backend.BackendUrl;
import com.ivsstack.engine.state.backend.BlobStore;
import com.ivsstack.engine.state.backend.RecordedLease;
import com.ivsstack.engine.state.backend.VersionConflictException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Objects as rows of the table of Pulumi's PostgreSQL backend ({@code key TEXT PRIMARY KEY, data JSON, updated_at};
 * {@code data} is {@code {"data":"<base64 of the bytes>"}}), so {@code pulumi login} with the same URL reads them.
 * The version of a row is PostgreSQL's own: {@code xmin}, the transaction that last wrote it, which every write
 * changes (the Pulumi CLI's too) with no column added to Pulumi's table. The lease is a session advisory lock, which
 * PostgreSQL releases when the holder's connection ends, however it ends.
 *
 * <p>One connection serves a run. If it breaks (a restart, a killed session), the next operation reconnects and takes
 * the leases it held again; if another run has one by then, the operation fails and nothing is written.
 */
public final class PostgresBlobStore implements BlobStore {
    private static final int RECONNECT_ATTEMPTS = 6;

    private final BackendUrl url;
    private final String table;
    private final String prefix;
    private final String jdbcUrl;
    private final Properties properties;
    private Connection connection;
    /** The advisory locks this store holds, by hold key, to take again after a reconnect. */
    private final Map<String, Long> held = new LinkedHashMap<>();

    public PostgresBlobStore(BackendUrl url) {
        this.url = url;
        this.table = url.parameters().getOrDefault("table", "pulumi_state");
        this.prefix = url.keyPrefix();
        this.jdbcUrl = "jdbc:postgresql://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port() + "/" + url.database();
        this.properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        for (String p : new String[]{"sslmode", "sslrootcert", "sslcert", "sslkey"}) {
            if (url.parameter(p) != null) {
                properties.setProperty(p, url.parameter(p));
            }
        }
        properties.setProperty("connectTimeout", url.parameters().getOrDefault("connect_timeout", "10"));
        properties.setProperty("ApplicationName", url.parameters().getOrDefault("application_name", "ivsstack"));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", "300");
        synchronized (this) {
            connection = connect();
            createTable();
        }
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, properties);
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw failure("connect to", null, e);
        }
    }

    /**
     * Pulumi's schema, created on first use as the Pulumi CLI does; a table that exists is left alone, so a user
     * who may only read and write its rows can use it.
     */
    private void createTable() {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet r = exists.executeQuery()) {
                r.next();
                if (r.getBoolean(1)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure("look for the table " + table + " in", null, e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (key TEXT PRIMARY KEY, data JSON NOT NULL, "
                    + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
            s.execute("CREATE INDEX IF NOT EXISTS " + table.replace('.', '_') + "_key_prefix_idx ON " + table
                    + " (key text_pattern_ops)");
        } catch (SQLException e) {
            // Two first runs at once race in CREATE ... IF NOT EXISTS; the loser sees the winner's table.
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw failure("create the table " + table + " in", null, e);
            }
        }
    }

    /** An operation on the connection. */
    private interface Operation<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs an operation; if the connection broke, reconnects (taking the leases again) and runs it once more. The
     * operations that write are written so that running them again is safe (see {@link #writeIf}).
     */
    private synchronized <T> T withConnection(String what, String key, Operation<T> operation) {
        try {
            return operation.run(connection);
        } catch (SQLException e) {
            if (!isConnectionLoss(e)) {
                throw failure(what, key, e);
            }
            reconnect(e);
            try {
                return operation.run(connection);
            } catch (SQLException again) {
                throw failure(what, key, again);
            }
        }
    }

    private static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    private void reconnect(SQLException cause) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is broken already
        }
        Connection fresh = null;
        for (int attempt = 0; fresh == null; attempt++) {
            try {
                Thread.sleep(attempt == 0 ? 100 : 500L * attempt);
                fresh = connect();
            } catch (BackendException e) {
                if (attempt + 1 >= RECONNECT_ATTEMPTS) {
                    throw e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("reconnect to", null, cause);
            }
        }
        connection = fresh;
        for (Map.Entry<String, Long> lock : held.entrySet()) {
            try {
                if (!tryAdvisoryLock(connection, lock.getValue())) {
                    throw new BackendException(Kind.FAILED, url.toString(), "the connection to PostgreSQL broke ("
                            + cause.getMessage() + ") and another run took the stack's lock meanwhile",
                            "this run stops without writing more; run it again when the other one is done", cause);
                }
            } catch (SQLException e) {
                throw failure("lock", lock.getKey(), e);
            }
        }
    }

    @Override
    public boolean leasesEndWithHolder() {
        return true;
    }

    @Override
    public BackendUrl url() {
        return url;
    }

    private String key(String key) {
        return prefix + key;
    }

    @Override
    public Optional<Blob> read(String key) {
        return withConnection("read", key, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT data->>'data', xmin::text, updated_at FROM " + table
                    + " WHERE key = ?")) {
                s.setString(1, key(key));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Blob(decode(r.getString(1), key), r.getString(2), instant(r.getTimestamp(3))));
                }
            }
        });
    }

    private byte[] decode(String base64, String key) {
        try {
            return base64 == null ? new byte[0] : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BackendException(Kind.FAILED, url.toString(), "the row " + key(key) + " of " + table
                    + " is not in the format of Pulumi's PostgreSQL backend ({\"data\": \"<base64>\"})",
                    "restore it from a backup", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private static String json(byte[] data) {
        return json(data, data.length);
    }

    private static String json(byte[] data, int length) {
        byte[] base64 = Base64.getEncoder().encode(java.nio.ByteBuffer.wrap(data, 0, length)).array();
        return "{\"data\":\"" + new String(base64, StandardCharsets.ISO_8859_1) + "\"}";
    }

    @Override
    public String write(String key, byte[] data) {
        String json = json(data);
        return withConnection("write", key, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (key, data) VALUES (?, ?::json) "
                    + "ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, updated_at = now() RETURNING xmin::text")) {
                s.setString(1, key(key));
                s.setString(2, json);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    /**
     * An insert that does nothing on a conflict, or an update of the row whose {@code xmin} is the expected one. If
     * neither wrote, the row may still hold exactly these bytes: this same write, committed before the connection
     * broke and run again; then it counts as done.
     */
    @Override
    public String writeIf(String key, byte[] data, int length, String expectedVersion) {
        String json = json(data, length);
        String sql = expectedVersion == null
                ? "INSERT INTO " + table + " (key, data) VALUES (?, ?::json) ON CONFLICT (key) DO NOTHING RETURNING xmin::text"
                : "UPDATE " + table + " SET data = ?::json, updated_at = now() WHERE key = ? AND xmin::text = ? RETURNING xmin::text";
        return withConnection("write", key, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (expectedVersion == null) {
                    s.setString(1, key(key));
                    s.setString(2, json);
                } else {
                    s.setString(1, json);
                    s.setString(2, key(key));
                    s.setString(3, expectedVersion);
                }
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return r.getString(1);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT xmin::text, md5(data::text) FROM " + table + " WHERE key = ?")) {
                s.setString(1, key(key));
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getString(2).equals(md5(json))) {
                        return r.getString(1);
                    }
                }
            }
            throw new VersionConflictException(key, expectedVersion);
        });
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void delete(String key) {
        withConnection("delete", key, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE key = ?")) {
                s.setString(1, key(key));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Entry> list(String listPrefix) {
        String like = key(listPrefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return withConnection("list", listPrefix, c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT key, octet_length(data::text), updated_at FROM " + table
                    + " WHERE key LIKE ? ESCAPE '\\' ORDER BY key")) {
                s.setString(1, like);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entries.add(new Entry(r.getString(1).substring(prefix.length()), r.getLong(2), instant(r.getTimestamp(3))));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public void copy(String from, String to) {
        withConnection("copy", from, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (key, data) SELECT ?, data FROM "
                    + table + " WHERE key = ? ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, updated_at = now()")) {
                s.setString(1, key(to));
                s.setString(2, key(from));
                return s.executeUpdate();
            }
        });
    }

    /** The advisory lock's number: the first 8 bytes of SHA-256 of the table and the hold's key. */
    private long lockId(String holdKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((table + "\n" + key(holdKey)).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tryAdvisoryLock(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    @Override
    public Lease lease(String holdKey, String recordKey, byte[] record) {
        long id = lockId(holdKey);
        boolean acquired = withConnection("lock", holdKey, c -> tryAdvisoryLock(c, id));
        if (!acquired) {
            throw new LeaseHeldException(holdKey, RecordedLease.holderRecord(this, recordKey));
        }
        synchronized (this) {
            held.put(holdKey, id);
        }
        return RecordedLease.record(this, recordKey, record, () -> unlock(holdKey, id));
    }

    private void unlock(String holdKey, long id) {
        synchronized (this) {
            held.remove(holdKey);
        }
        withConnection("unlock", holdKey, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, id);
                s.executeQuery().close();
            }
            return null;
        });
    }

    /** Whether a session holds the advisory lock (another process's, or this one's). */
    @Override
    public boolean leaseHeld(String holdKey, String recordKey) {
        return holderPid(holdKey).isPresent();
    }

    /** The server process of the session that holds the lock, which {@code pg_terminate_backend} ends. */
    public Optional<Integer> holderPid(String holdKey) {
        long id = lockId(holdKey);
        return withConnection("lock", holdKey, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND classid = ? AND objid = ? AND objsubid = 1 AND granted")) {
                s.setLong(1, id >>> 32);
                s.setLong(2, id & 0xFFFFFFFFL);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getInt(1)) : Optional.<Integer>empty();
                }
            }
        });
    }

    /** One line naming the URL (without its password), what PostgreSQL said, and the fix. */
    private BackendException failure(String what, String key, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = e.getMessage() == null ? state : e.getMessage().lines().findFirst().orElse(state);
        if (url.password() != null) {
            detail = detail.replace(url.password(), "***");
        }
        String target = key == null ? "" : " " + key(key);
        if (state.equals("3D000")) {
            return new BackendException(Kind.MISSING, url.toString(), "the database '" + url.database() + "' does not exist",
                    "create it (CREATE DATABASE " + url.database() + "), or correct the database in the URL", e);
        }
        if (state.equals("28P01") || state.equals("28000") || state.equals("42501")) {
            return new BackendException(Kind.ACCESS_DENIED, url.toString(), "access denied (" + detail + ")",
                    "check the user and password in the URL, and grant the user SELECT, INSERT, UPDATE and DELETE on "
                            + table + " (and CREATE on the database for its first use)", e);
        }
        if (state.startsWith("08")) {
            return new BackendException(Kind.UNREACHABLE, url.toString(), "cannot reach PostgreSQL at " + url.host() + ":"
                    + url.port() + " (" + detail + ")", "check the host and port in the URL, that the server runs, "
                    + "and the network", e);
        }
        return new BackendException(Kind.FAILED, url.toString(), "PostgreSQL refused to " + what + target + " ("
                + detail + ")", "see the PostgreSQL error; nothing else was written", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection
        }
    }
}
