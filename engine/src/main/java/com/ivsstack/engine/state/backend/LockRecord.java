package com.ivsstack.engine.state.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A lock file's content in the format of Pulumi's DIY backends ({@code {"pid","username","hostname","timestamp"}},
 * the timestamp in RFC 3339), so the Pulumi CLI reads ivsstack's and ivsstack reads the Pulumi CLI's. ivsstack adds
 * the command and a run id (Go's JSON decoding ignores fields it does not know).
 */
public record LockRecord(long pid, String username, String hostname, String timestamp, String command, String run) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** This process, running {@code command}. */
    public static LockRecord current(String command) {
        return new LockRecord(ProcessHandle.current().pid(), System.getProperty("user.name", "unknown"), localHostname(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                command, UUID.randomUUID().toString());
    }

    private static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    public byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("pid", pid);
        n.put("username", username);
        n.put("hostname", hostname);
        n.put("timestamp", timestamp);
        if (command != null) {
            n.put("command", command);
        }
        if (run != null) {
            n.put("ivsstackRun", run);
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A lock file's content, or null when it is not a lock record (it is then shown as unreadable). */
    public static LockRecord parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                return null;
            }
            return new LockRecord(n.path("pid").asLong(), n.path("username").asText("?"), n.path("hostname").asText("?"),
                    n.path("timestamp").asText("?"), n.path("command").asText(null), n.path("ivsstackRun").asText(null));
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether ivsstack wrote it (the Pulumi CLI writes no command). */
    public boolean fromIvsstack() {
        return run != null;
    }

    /** "ivsstack up by alice@ci-7 (pid 4242) since 2026-08-01T12:00:00Z" */
    public String describe() {
        String who = fromIvsstack() ? (command == null ? "ivsstack" : command) : "the Pulumi CLI";
        return who + " by " + username + "@" + hostname + " (pid " + pid + ") since " + timestamp;
    }
}
