package com.ivsstack.provider.grpc;

import com.ivsstack.provider.api.Provider;
import com.ivsstack.provider.api.ProviderLog;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.okhttp.OkHttpServerBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a provider as a Pulumi plugin process: serves {@link ResourceProviderService} on 127.0.0.1 at a free port and
 * prints exactly one line, that port, to stdout. Everything else a plugin writes goes to stderr: the engine reads the
 * port from the first stdout line and shows stderr to the user as diagnostics.
 */
public final class PluginLauncher {

    /** Large enough for any property map the engine may send (the Pulumi SDKs use the same limit). */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    /** HTTP/2 flow control window per stream and connection: Netty's default, so a burst of Reads is not throttled. */
    private static final int FLOW_CONTROL_WINDOW_BYTES = 1024 * 1024;

    private PluginLauncher() {
    }

    /**
     * The plugin's main: returns only when the server stops (the engine kills the process when it is done). The port
     * line goes out as soon as the socket listens: the engine's connection waits in the kernel's queue while the
     * gRPC server starts, and the provider (schema, resource types) is built meanwhile on another thread.
     */
    public static void run(String[] args, Function<ProviderLog, Provider> providerFactory) {
        // Keep the real stdout for the port line only; anything else that prints to System.out lands on stderr.
        PrintStream portChannel = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        PluginArguments arguments = PluginArguments.parse(args);
        configureLogging(arguments.verbosity());
        try {
            PreboundServerSocket listening = PreboundServerSocket.bindLoopback();
            portChannel.println(listening.getLocalPort());
            portChannel.flush();
            var service = new ResourceProviderService(providerFactory);
            warmUp(service);
            RunningPlugin plugin = start(arguments, service, listening);
            Runtime.getRuntime().addShutdownHook(new Thread(plugin::stop, "pulumi-resource-ivs-shutdown"));
            plugin.awaitTermination();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError failure) {
            // The port is out already: exit, so that the engine sees the plugin fail rather than a silent socket.
            System.err.println("pulumi-resource-ivs: could not start: " + failure);
            System.exit(1);
        }
    }

    /** Starts the server on a free loopback port; the caller prints the port. */
    public static RunningPlugin start(PluginArguments arguments, Function<ProviderLog, Provider> providerFactory)
            throws IOException {
        return start(arguments, new ResourceProviderService(providerFactory), PreboundServerSocket.bindLoopback());
    }

    private static RunningPlugin start(PluginArguments arguments, ResourceProviderService service,
            PreboundServerSocket listening) throws IOException {
        service.setEngineAddress(arguments.engineAddress());
        // OkHttp's server transport, not Netty's: plaintext HTTP/2 (h2c, which the engine speaks) on plain sockets,
        // a few hundred classes where Netty's event loops, buffers and native epoll library take thousands. Our own
        // threads, not grpc's shared pools: those name their threads through String.format, whose first use loads
        // the JDK's locale data (tens of milliseconds) before the server can accept the engine's connection.
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads("pulumi-resource-ivs-grpc-"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                daemonThreads("pulumi-resource-ivs-grpc-timer-"));
        Server server;
        try {
            server = OkHttpServerBuilder
                    .forPort(listening.getLocalSocketAddress(), InsecureServerCredentials.create())
                    .socketFactory(listening.factory())
                    .transportExecutor(threads)
                    .executor(threads)
                    .scheduledExecutorService(timer)
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
                    .addService(service)
                    .build()
                    .start();
        } catch (IOException | RuntimeException failure) {
            listening.close();
            threads.shutdownNow();
            timer.shutdownNow();
            throw failure;
        }
        if (!arguments.ignoredFlags().isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(PluginLauncher.class)
                    .debug("ignoring unknown arguments {}", arguments.ignoredFlags());
        }
        return new RunningPlugin(server, service, threads, timer);
    }

    /**
     * Builds the provider (schema, resource types; no AWS client) while the gRPC server starts and the engine
     * connects, so that the first call that needs it does not pay for it. A failure surfaces again on that call.
     */
    private static void warmUp(ResourceProviderService service) {
        var warmUp = new Thread(() -> {
            try {
                service.provider();
            } catch (RuntimeException failure) {
                org.slf4j.LoggerFactory.getLogger(PluginLauncher.class).debug("building the provider failed", failure);
            }
        }, "pulumi-resource-ivs-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        var created = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, namePrefix.concat(Integer.toString(created.incrementAndGet())));
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * slf4j-simple writes to stderr; say so explicitly, and map Pulumi's {@code -v} level to log levels. A system
     * property given on the command line (e.g. via {@code PULUMI_IVS_JAVA_OPTS}) wins.
     */
    private static void configureLogging(int verbosity) {
        // Names the binding the plugin ships, so slf4j does not search every jar for one (a ServiceLoader scan).
        setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 9 ? "trace" : verbosity >= 1 ? "debug" : "info");
        setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk", verbosity >= 9 ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.grpc", verbosity >= 9 ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** A started plugin server. */
    public record RunningPlugin(Server server, ResourceProviderService service, ExecutorService threads,
                                ScheduledExecutorService timer) {

        public int port() {
            return server.getPort();
        }

        public void stop() {
            server.shutdown();
            try {
                if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                    server.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                server.shutdownNow();
                Thread.currentThread().interrupt();
            }
            threads.shutdownNow();
            timer.shutdownNow();
            service.close();
        }

        public void awaitTermination() throws InterruptedException {
            server.awaitTermination();
        }
    }
}
