package com.ivsstack.engine.state.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A state backend's URL, in the forms the Pulumi CLI's DIY backends take ({@code pulumi login URL}):
 * {@code file://PATH}, {@code s3://BUCKET[/PREFIX]?...} and {@code postgres://USER:PASSWORD@HOST:PORT/DATABASE?...}.
 * Every query parameter is checked: an unknown one is an error naming the ones the scheme takes, as in Pulumi.
 * {@link #toString()} is the URL with its password replaced, the only form that goes into a message.
 */
public final class BackendUrl {
    public enum Scheme { FILE, S3, POSTGRES }

    /** Accepted for Pulumi's sake and ignored: ivsstack's file writes are always atomic and write no attributes. */
    private static final Set<String> FILE_PARAMETERS = Set.of("no_tmp_dir", "metadata");
    private static final Set<String> S3_PARAMETERS = Set.of("region", "endpoint", "profile", "s3ForcePathStyle",
            "use_path_style", "disableSSL", "disable_https", "awssdk", "request_checksum_calculation",
            "response_checksum_validation", "ssetype", "kmskeyid");
    private static final Set<String> POSTGRES_PARAMETERS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "connect_timeout", "application_name", "table");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

    private final Scheme scheme;
    private final String redacted;
    private final Path directory;
    private final String host;
    private final int port;
    private final String bucketOrDatabase;
    private final String keyPrefix;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    private BackendUrl(Scheme scheme, String redacted, Path directory, String host, int port, String bucketOrDatabase,
                       String keyPrefix, String user, String password, Map<String, String> parameters) {
        this.scheme = scheme;
        this.redacted = redacted;
        this.directory = directory;
        this.host = host;
        this.port = port;
        this.bucketOrDatabase = bucketOrDatabase;
        this.keyPrefix = keyPrefix;
        this.user = user;
        this.password = password;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** The local directory backend, today's default. */
    public static BackendUrl file(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return new BackendUrl(Scheme.FILE, "file://" + dir, dir, null, -1, null, "", null, null, Map.of());
    }

    /**
     * Parses a backend URL.
     *
     * @param base the directory a relative {@code file://} path is taken from (the project directory)
     * @throws BackendException (kind BAD_URL) naming what is wrong and the forms that work
     */
    public static BackendUrl parse(String text, Path base) {
        if (text == null || text.isBlank()) {
            throw badUrl("(empty)", "the backend URL is empty");
        }
        String trimmed = text.strip();
        int colon = trimmed.indexOf("://");
        String scheme = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return switch (scheme) {
            case "file" -> parseFile(trimmed, base);
            case "s3" -> parseS3(trimmed);
            case "postgres" -> parsePostgres(trimmed);
            default -> throw badUrl(redact(trimmed), scheme.isEmpty() ? "it has no scheme"
                    : "the scheme '" + scheme + "' is not one ivsstack keeps state in");
        };
    }

    private static BackendUrl parseFile(String text, Path base) {
        String rest = text.substring("file://".length());
        int query = rest.indexOf('?');
        Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : queryParameters(text, rest.substring(query + 1));
        String path = decode(query < 0 ? rest : rest.substring(0, query));
        checkParameters(text, "file", parameters, FILE_PARAMETERS);
        if (path.isEmpty()) {
            throw badUrl(text, "it names no directory");
        }
        Path dir;
        if (path.equals("~") || path.startsWith("~/")) {
            dir = Path.of(System.getProperty("user.home")).resolve(path.equals("~") ? "" : path.substring(2));
        } else {
            dir = base.resolve(path);
        }
        dir = dir.toAbsolutePath().normalize();
        return new BackendUrl(Scheme.FILE, "file://" + dir, dir, null, -1, null, "", null, null, parameters);
    }

    private static BackendUrl parseS3(String text) {
        URI uri = uri(text);
        String bucket = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
        if (bucket == null || bucket.isEmpty()) {
            throw badUrl(text, "it names no bucket (s3://BUCKET[/PREFIX])");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw badUrl(text, "'" + bucket + "' is not a valid S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
        }
        Map<String, String> parameters = queryParameters(text, uri.getRawQuery());
        checkParameters(text, "s3", parameters, S3_PARAMETERS);
        String endpoint = parameters.get("endpoint");
        if (endpoint != null && !endpoint.contains("://")) {
            // Pulumi adds the scheme to an endpoint given without one: http with disableSSL, else https.
            boolean insecure = isTrue(parameters.get("disableSSL")) || isTrue(parameters.get("disable_https"));
            parameters.put("endpoint", (insecure ? "http://" : "https://") + endpoint);
        }
        for (String flag : new String[]{"s3ForcePathStyle", "use_path_style", "disableSSL", "disable_https"}) {
            String v = parameters.get(flag);
            if (v != null && !v.equals("true") && !v.equals("false")) {
                throw badUrl(text, "the parameter " + flag + " is '" + v + "', not true or false");
            }
        }
        return new BackendUrl(Scheme.S3, text, null, null, -1, bucket, prefix(uri.getPath()), null, null, parameters);
    }

    private static BackendUrl parsePostgres(String text) {
        URI uri = uri(text);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw badUrl(redact(text), "it names no host (postgres://USER:PASSWORD@HOST:PORT/DATABASE)");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
        if (database.isEmpty() || database.contains("/")) {
            throw badUrl(redact(text), "it names no database (postgres://USER:PASSWORD@HOST:PORT/DATABASE)");
        }
        String userInfo = uri.getRawUserInfo();
        String user = null;
        String password = null;
        if (userInfo != null) {
            int c = userInfo.indexOf(':');
            user = decode(c < 0 ? userInfo : userInfo.substring(0, c));
            password = c < 0 ? null : decode(userInfo.substring(c + 1));
        }
        Map<String, String> parameters = queryParameters(redact(text), uri.getRawQuery());
        checkParameters(redact(text), "postgres", parameters, POSTGRES_PARAMETERS);
        String table = parameters.getOrDefault("table", "pulumi_state");
        if (!TABLE.matcher(table).matches()) {
            throw badUrl(redact(text), "the table '" + table + "' is not a plain SQL name (letters, digits and _, "
                    + "optionally SCHEMA.TABLE)");
        }
        if (parameters.containsKey("connect_timeout")) {
            try {
                Integer.parseInt(parameters.get("connect_timeout"));
            } catch (NumberFormatException e) {
                throw badUrl(redact(text), "connect_timeout is '" + parameters.get("connect_timeout") + "', not a number of seconds");
            }
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        // Pulumi opens every non-file backend under the URL's path as a key prefix: here the database name.
        return new BackendUrl(Scheme.POSTGRES, redact(text), null, uri.getHost(), port, database, database + "/",
                user, password, parameters);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw badUrl(redact(text), "it is not a valid URL (" + e.getReason() + " at character " + e.getIndex() + ")");
        }
    }

    private static String prefix(String path) {
        String p = path == null ? "" : path.replaceAll("^/+", "");
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static Map<String, String> queryParameters(String url, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (parameters.put(key, value) != null) {
                throw badUrl(url, "the parameter " + key + " is given twice");
            }
        }
        return parameters;
    }

    private static void checkParameters(String url, String scheme, Map<String, String> parameters, Set<String> known) {
        for (String key : parameters.keySet()) {
            if (!known.contains(key)) {
                throw badUrl(url, "the parameter '" + key + "' is not one a " + scheme + ":// backend takes ("
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static boolean isTrue(String v) {
        return v != null && (v.equals("true") || v.equals("1"));
    }

    /** The URL with the password of its user part, and any password parameter, replaced by ***. */
    public static String redact(String url) {
        String out = url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://[^/@?#:]*):[^/@?#]*@", "$1:***@");
        return out.replaceAll("([?&]password=)[^&]*", "$1***");
    }

    private static BackendException badUrl(String url, String problem) {
        return new BackendException(BackendException.Kind.BAD_URL, url, problem,
                "use file://PATH, s3://BUCKET[/PREFIX]?region=R or postgres://USER:PASSWORD@HOST:PORT/DATABASE");
    }

    public Scheme scheme() {
        return scheme;
    }

    public boolean isLocal() {
        return scheme == Scheme.FILE;
    }

    /** The directory of a file:// backend. */
    public Path directory() {
        return directory;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String bucket() {
        return bucketOrDatabase;
    }

    public String database() {
        return bucketOrDatabase;
    }

    /** The prefix of every key (the path of an s3:// URL, the database of a postgres:// one), "" or ending in "/". */
    public String keyPrefix() {
        return keyPrefix;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** The URL as shown in messages: never with its password. */
    @Override
    public String toString() {
        return redacted;
    }
}
