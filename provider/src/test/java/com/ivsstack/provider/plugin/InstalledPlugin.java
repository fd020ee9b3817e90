package com.ivsstack.provider.plugin;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged plugin as the Pulumi engine runs it on a machine without Java: the tarball unpacked once into an empty
 * temporary directory, the launcher {@code pulumi-resource-ivs} started as a subprocess from another working directory
 * with no {@code JAVA_HOME} and a {@code PATH} that holds no {@code java}, the port read from its first stdout line,
 * and a plaintext gRPC channel to 127.0.0.1 on that port.
 */
final class InstalledPlugin implements AutoCloseable {

    private static final long PORT_TIMEOUT_MILLIS = 20_000;
    private static Path unpacked;
    private static Path pathWithoutJava;

    private final Process process;
    private final int port;
    private final long millisToPort;
    private final ByteArrayOutputStream stdoutAfterPort = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<Void> stdoutDrained;
    private final CompletableFuture<Void> stderrDrained;
    private final ManagedChannel channel;

    private InstalledPlugin(Process process, int port, long millisToPort, InputStream stdoutRest) {
        this.process = process;
        this.port = port;
        this.millisToPort = millisToPort;
        this.stdoutDrained = drain(stdoutRest, stdoutAfterPort);
        this.stderrDrained = drain(process.getErrorStream(), stderr);
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** Starts the plugin with {@code args} (flags, then the engine address last) and the given extra environment. */
    static InstalledPlugin start(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return start(pluginDirectory().resolve("pulumi-resource-ivs"), environment, args);
    }

    /** Starts {@code launcher} (the unpacked one, or a link to it). */
    static InstalledPlugin start(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path workingDirectory = Files.createTempDirectory("pulumi-program");
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // No AWS settings from the machine that runs the tests: each test says what the plugin sees.
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_CONFIG_FILE", workingDirectory.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", workingDirectory.resolve("no-aws-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        // No Java but the tarball's own: the plugin must never look for another.
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", pathWithoutJava().toString());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        InputStream stdout = process.getInputStream();
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(stdout));
        String line;
        try {
            line = firstLine.get(PORT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception noPort) {
            process.destroyForcibly();
            throw new IllegalStateException("the plugin printed no port line within " + PORT_TIMEOUT_MILLIS
                    + " ms; stderr: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8), noPort);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (line == null || !line.matches("[0-9]{1,5}")) {
            process.destroyForcibly();
            throw new IllegalStateException("the plugin's first stdout line is not a port: " + line);
        }
        return new InstalledPlugin(process, Integer.parseInt(line), millis, stdout);
    }

    /** Reads one line byte by byte, as the engine does, so nothing after it is consumed. */
    private static String readLine(InputStream in) {
        var line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
        } catch (IOException failure) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static CompletableFuture<Void> drain(InputStream in, ByteArrayOutputStream into) {
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
    }

    /**
     * A directory for {@code PATH} with only the commands the launcher may run (those that resolve a symlinked
     * launcher), linked from this machine's {@code PATH}; no {@code java}.
     */
    static synchronized Path pathWithoutJava() throws IOException {
        if (pathWithoutJava == null) {
            Path bin = Files.createTempDirectory("path-without-java");
            for (String command : List.of("ls", "sed", "dirname")) {
                for (String directory : System.getenv("PATH").split(java.io.File.pathSeparator)) {
                    Path found = Path.of(directory, command);
                    if (Files.isExecutable(found)) {
                        Files.createSymbolicLink(bin.resolve(command), found);
                        break;
                    }
                }
            }
            pathWithoutJava = bin;
        }
        return pathWithoutJava;
    }

    /** The unpacked tarball, shared by every test in this JVM. */
    static synchronized Path pluginDirectory() throws IOException, InterruptedException {
        if (unpacked == null) {
            unpacked = unpack(Files.createTempDirectory("pulumi-resource-ivs"));
        }
        return unpacked;
    }

    /**
     * Unpacks the tarball into {@code directory} (empty) as Pulumi's installer does: modes kept, every file's time the
     * time of unpacking ({@code -m}). Returns the directory.
     */
    static Path unpack(Path directory) throws IOException, InterruptedException {
        Path tarball = tarball();
        Process tar = new ProcessBuilder("tar", "-xzmf", tarball.toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + tarball + ": " + output);
        }
        return directory;
    }

    /** Set by failsafe (see provider/pom.xml); run the tests with {@code ./mvnw verify}, after {@code package}. */
    static Path tarball() {
        String path = System.getProperty("ivs.plugin.tarball");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("no plugin tarball at " + path
                    + "; these tests run in Maven's integration-test phase: ./mvnw -pl provider -am verify");
        }
        return Path.of(path);
    }

    ResourceProviderBlockingStub stub() {
        return ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    long millisToPort() {
        return millisToPort;
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stops the plugin the way the engine does (terminate) and returns every stdout byte after the port line. */
    byte[] stopAndCollectStdout() {
        close();
        stdoutDrained.orTimeout(10, TimeUnit.SECONDS).join();
        synchronized (stdoutAfterPort) {
            return stdoutAfterPort.toByteArray();
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        stderrDrained.orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
    }
}
