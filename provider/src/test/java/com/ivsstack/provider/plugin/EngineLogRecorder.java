package com.ivsstack.provider.plugin;

import com.google.protobuf.Empty;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's {@code Log} service on loopback, recording what the plugin sends it. */
final class EngineLogRecorder extends EngineGrpc.EngineImplBase implements AutoCloseable {

    private final List<LogRequest> messages = new CopyOnWriteArrayList<>();
    private final Server server;

    EngineLogRecorder() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(this).build().start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    List<LogRequest> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void log(LogRequest request, StreamObserver<Empty> response) {
        messages.add(request);
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    /** Log messages travel asynchronously: retries the assertion until it holds or ten seconds have passed. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
