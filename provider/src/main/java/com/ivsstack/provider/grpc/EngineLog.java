package com.ivsstack.provider.grpc;

import com.ivsstack.provider.api.ProviderLog;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.concurrent.TimeUnit;

/**
 * The provider's log: messages go to the Pulumi engine's {@code Log} service (attached to their resource) once the
 * engine address is known, and to stderr through slf4j. The engine also shows a plugin's stderr to the user, so a
 * message the engine received is written to stderr at DEBUG only (visible with {@code -v}); before an engine is known,
 * or if sending fails, it is written at its own level.
 */
final class EngineLog implements ProviderLog, AutoCloseable {

    /** Looked up when used, not when the class loads: slf4j's initialization searches every jar (see the service). */
    private static Logger local() {
        return LoggerFactory.getLogger("pulumi-resource-ivs");
    }

    /** Built at the first message, not at connect: the launcher connects before it prints the port. */
    private ManagedChannel channel;
    private volatile String address;

    /** Connects to the engine at {@code address} ({@code host:port}); a blank address disconnects. */
    synchronized void connect(String newAddress) {
        String normalized = newAddress == null || newAddress.isBlank() ? null : newAddress.strip();
        if (java.util.Objects.equals(normalized, address)) {
            return;
        }
        if (channel != null) {
            channel.shutdown();
            channel = null;
        }
        address = normalized;
    }

    String engineAddress() {
        return address;
    }

    /** The channel to the engine, built on first use; null while no engine is known. */
    private synchronized ManagedChannel engineChannel() {
        if (channel == null && address != null) {
            channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        }
        return channel;
    }

    @Override
    public void log(Severity severity, String urn, String message) {
        ManagedChannel engine = engineChannel();
        if (engine == null) {
            logLocally(severity, urn, message);
            return;
        }
        local().debug("{}{}", urn == null || urn.isEmpty() ? "" : urn + ": ", message);
        var request = LogRequest.newBuilder()
                .setSeverity(toWire(severity))
                .setMessage(message)
                .setUrn(urn == null ? "" : urn)
                .build();
        // Asynchronous: a slow or gone engine must never stall a resource operation. Sent outside the current RPC's
        // context, which is cancelled when that RPC answers, and would cancel this call with it.
        io.grpc.Context.ROOT.run(() -> EngineGrpc.newStub(engine).withDeadlineAfter(10, TimeUnit.SECONDS).log(request,
                new io.grpc.stub.StreamObserver<>() {
                    @Override
                    public void onNext(com.google.protobuf.Empty value) {
                    }

                    @Override
                    public void onError(Throwable failure) {
                        local().debug("could not send a log message to the engine at {}: {}", address, failure.toString());
                        logLocally(severity, urn, message);
                    }

                    @Override
                    public void onCompleted() {
                    }
                }));
    }

    private static void logLocally(Severity severity, String urn, String message) {
        String text = (urn == null || urn.isEmpty() ? "" : urn + ": ") + message;
        switch (severity) {
            case DEBUG -> local().debug(text);
            case INFO -> local().info(text);
            case WARNING -> local().warn(text);
            case ERROR -> local().error(text);
        }
    }

    private static LogSeverity toWire(Severity severity) {
        return switch (severity) {
            case DEBUG -> LogSeverity.DEBUG;
            case INFO -> LogSeverity.INFO;
            case WARNING -> LogSeverity.WARNING;
            case ERROR -> LogSeverity.ERROR;
        };
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.shutdown();
            channel = null;
        }
        address = null;
    }
}
