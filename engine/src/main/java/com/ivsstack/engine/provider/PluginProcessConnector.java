package com.ivsstack.engine.provider;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Launches a provider plugin binary ({@code pulumi-resource-<pkg>}) over the real handshake: the plugin prints its
 * port on the first line of stdout, the engine dials 127.0.0.1:port; the engine address is the last argument.
 */
public final class PluginProcessConnector implements ProviderConnector {
    private final String packageName;
    private final Path binary;
    private final Path workingDirectory;
    private final java.util.function.Supplier<String> engineAddress;

    public PluginProcessConnector(String packageName, Path binary, Path workingDirectory,
                                  java.util.function.Supplier<String> engineAddress) {
        this.packageName = packageName;
        this.binary = Files.isDirectory(binary) ? binary.resolve("pulumi-resource-" + packageName) : binary;
        this.workingDirectory = workingDirectory;
        this.engineAddress = engineAddress;
    }

    @Override
    public boolean supports(String pkg) {
        return packageName.equals(pkg);
    }

    @Override
    public Set<String> packages() {
        return Set.of(packageName);
    }

    @Override
    public Connection connect(String pkg) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalArgumentException("--plugin " + binary + " is not an executable file: point it at a "
                    + "pulumi-resource-" + packageName + " binary or the directory that holds one");
        }
        Process process;
        try {
            process = new ProcessBuilder(List.of(binary.toString(), engineAddress.get()))
                    .directory(workingDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the provider plugin " + binary, e);
        }
        int port = readPort(process);
        Thread drain = new Thread(() -> drain(process.getInputStream()), "plugin-stdout");
        drain.setDaemon(true);
        drain.start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
        return new Connection(channel, () -> {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        });
    }

    private int readPort(Process process) {
        StringBuilder line = new StringBuilder();
        InputStream out = process.getInputStream();
        try {
            int c;
            while ((c = out.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the port line of " + binary, e);
        }
        String text = line.toString().strip();
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the provider plugin " + binary + " printed '" + text
                    + "' instead of its port on the first line of stdout");
        }
    }

    private static void drain(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            while ((l = reader.readLine()) != null) {
                System.err.println(l);
            }
        } catch (IOException ignored) {
            // the plugin went away; nothing left to forward
        }
    }
}
