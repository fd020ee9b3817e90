package com.ivsstack.bench.plugin;

import com.ivsstack.bench.Machine;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import pulumirpc.ResourceProviderGrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The packaged plugin run as the Pulumi engine runs it: the launcher {@code pulumi-resource-ivs} of the unpacked
 * tarball, exec'd with the engine address as its argument, the port read from its first stdout line, gRPC to it.
 */
public final class PluginProcess implements AutoCloseable {

    private final Process process;
    private final long nanosToPort;
    private final ManagedChannel channel;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private volatile long peakRssMegabytes;

    private PluginProcess(Process process, int port, long nanosToPort) {
        this.process = process;
        this.nanosToPort = nanosToPort;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        drain(process.getErrorStream(), stderr);
        drain(process.getInputStream(), new ByteArrayOutputStream());
    }

    /** Execs the launcher of {@code strategy} in {@code pluginDirectory}. */
    public static PluginProcess start(Path pluginDirectory, CallStrategy strategy) throws IOException {
        var builder = new ProcessBuilder(strategy.launcher(pluginDirectory).toString(), "127.0.0.1:1")
                .directory(Files.createTempDirectory("ivs-bench-program").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("PULUMI_IVS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        long started = System.nanoTime();
        Process process = builder.start();
        String line = readLine(process.getInputStream());
        long nanos = System.nanoTime() - started;
        if (line == null || !line.matches("[0-9]{1,5}")) {
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            process.destroyForcibly();
            throw new IllegalStateException("the plugin's first stdout line is not a port: " + line + "; stderr: " + errors);
        }
        return new PluginProcess(process, Integer.parseInt(line), nanos);
    }

    /** One byte at a time, as the engine reads the port line, so nothing after it is consumed. */
    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8).strip();
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        var thread = new Thread(() -> {
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
        }, "plugin-output");
        thread.setDaemon(true);
        thread.start();
    }

    public long nanosToPort() {
        return nanosToPort;
    }

    public ResourceProviderGrpc.ResourceProviderBlockingStub stub() {
        return ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.MINUTES);
    }

    public ResourceProviderGrpc.ResourceProviderFutureStub futureStub() {
        return ResourceProviderGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.MINUTES);
    }

    public long pid() {
        return process.pid();
    }

    /** Samples the plugin's peak RSS (VmHWM only grows); call it before closing. */
    public long samplePeakRssMegabytes() {
        OptionalLong now = Machine.peakRssMegabytes(process.pid());
        if (now.isPresent()) {
            peakRssMegabytes = Math.max(peakRssMegabytes, now.getAsLong());
        }
        return peakRssMegabytes;
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Terminates the plugin the way the engine does. */
    @Override
    public void close() {
        channel.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
