package com.ivsstack.engine.testing.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server for the tests: S3Proxy (Maven Central, {@code org.gaul:s3proxy}), in its own JVM on a
 * free loopback port, keeping its objects in a temporary directory, with signature checks on. It starts once per
 * test JVM, the first time a test asks {@link Backends} for it,
 * and stops when the JVM's tests end. Each test takes a bucket of its own ({@link #newBucket()}).
 */
public final class S3Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    public static final String ACCESS_KEY = "ivsstack-test";
    public static final String SECRET_KEY = "ivsstack-test-secret";
    public static final String REGION = "us-east-1";

    private final Process process;
    private final URI endpoint;
    private final Path directory;
    private final S3Client client;

    private S3Server() throws IOException, InterruptedException {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it there (mvn process-test-resources)");
        }
        directory = Files.createTempDirectory("s3proxy");
        Files.createDirectories(directory.resolve("data"));
        int port = freePort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + directory.resolve("data"),
                "") + "\n");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", properties.toString()))
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        // Not left running if this JVM ends without closing the store (a killed or timed-out test run).
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        client = S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(directory.resolve("s3proxy.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(200);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer within 60 s: " + Files.readString(directory.resolve("s3proxy.log")));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The server of this test JVM, started on first use. */
    public static S3Server get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(S3Server.class, k -> {
                    try {
                        return new S3Server();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, S3Server.class);
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "test-" + UUID.randomUUID().toString().substring(0, 13);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** The backend URL of a bucket (and key prefix) on this server, as a user writes it. */
    public String url(String bucketAndPrefix) {
        return url(bucketAndPrefix, endpoint);
    }

    /** The same, through another endpoint (a fault-injecting proxy in front of this server). */
    public static String url(String bucketAndPrefix, URI endpoint) {
        return "s3://" + bucketAndPrefix + "?region=" + REGION + "&endpoint=" + endpoint + "&s3ForcePathStyle=true";
    }

    /** The credentials of this server, as the environment of a run. */
    public static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        client.close();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
