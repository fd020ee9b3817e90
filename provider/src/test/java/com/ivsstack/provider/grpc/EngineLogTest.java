package com.ivsstack.provider.grpc;

import com.google.protobuf.Empty;
import com.ivsstack.provider.api.ProviderLog.Severity;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Provider.ProviderHandshakeRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider log messages reach the engine's Log service over real gRPC once the engine address is known. */
class EngineLogTest {

    private final LinkedBlockingQueue<LogRequest> received = new LinkedBlockingQueue<>();
    private Server engine;
    private ResourceProviderService service;
    private ScriptedProvider provider;

    @BeforeEach
    void startEngine() throws Exception {
        engine = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new EngineGrpc.EngineImplBase() {
                    @Override
                    public void log(LogRequest request, StreamObserver<Empty> response) {
                        received.add(request);
                        response.onNext(Empty.getDefaultInstance());
                        response.onCompleted();
                    }
                }).build().start();
        service = new ResourceProviderService(log -> provider = new ScriptedProvider(log));
        service.provider();
    }

    @AfterEach
    void stop() {
        service.close();
        engine.shutdownNow();
    }

    @Test
    void log_afterHandshakeWithEngineAddress_isSentToTheEngineWithUrnAndSeverity() throws Exception {
        service.handshake(ProviderHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:" + engine.getPort()).build(),
                new NoAnswer<>());

        provider.log.log(Severity.WARNING, "urn:pulumi:dev::app::ivs:index:RecordingConfiguration::rec",
                "detached recording configuration from channel arn:aws:ivs:us-west-2:123456789012:channel/abc");

        LogRequest message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getSeverity()).isEqualTo(LogSeverity.WARNING);
        assertThat(message.getUrn()).isEqualTo("urn:pulumi:dev::app::ivs:index:RecordingConfiguration::rec");
        assertThat(message.getMessage()).contains("channel/abc");
    }

    @Test
    void log_duringAnRpcThatAnswersAtOnce_stillReachesTheEngine() throws Exception {
        // The provider logs while serving Create; the Create call ends before the log call does, and its gRPC
        // context is cancelled then: the log call must not be cancelled with it.
        String name = "provider-" + java.util.UUID.randomUUID();
        Server providerServer = io.grpc.inprocess.InProcessServerBuilder.forName(name).addService(service).build().start();
        var channel = io.grpc.inprocess.InProcessChannelBuilder.forName(name).build();
        try {
            service.setEngineAddress("127.0.0.1:" + engine.getPort());
            provider.onCreate = request -> {
                provider.log.warn(request.urn(), "stopped the live stream of channel abc to update it");
                return new com.ivsstack.provider.api.CreateResult("id-1", java.util.Map.of());
            };

            pulumirpc.ResourceProviderGrpc.newBlockingStub(channel).create(pulumirpc.Provider.CreateRequest.newBuilder()
                    .setUrn("urn:pulumi:dev::app::fake:index:Thing::t").build());

            LogRequest message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getMessage()).isEqualTo("stopped the live stream of channel abc to update it");
            assertThat(message.getUrn()).isEqualTo("urn:pulumi:dev::app::fake:index:Thing::t");
        } finally {
            channel.shutdownNow();
            providerServer.shutdownNow();
        }
    }

    @Test
    void log_withoutEngine_isNotSentAnywhereButDoesNotFail() throws Exception {
        provider.log.info("urn:x", "hello");

        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(service.engineAddress()).isEmpty();
    }

    @Test
    void setEngineAddress_blank_stopsForwarding() throws Exception {
        service.setEngineAddress("127.0.0.1:" + engine.getPort());
        service.setEngineAddress(" ");
        provider.log.info("urn:x", "hello");

        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    private static final class NoAnswer<T> implements StreamObserver<T> {
        @Override
        public void onNext(T value) {
        }

        @Override
        public void onError(Throwable failure) {
            throw new AssertionError(failure);
        }

        @Override
        public void onCompleted() {
        }
    }
}
