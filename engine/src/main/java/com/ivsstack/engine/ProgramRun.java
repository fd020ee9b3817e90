package com.ivsstack.engine;

import com.ivsstack.engine.events.DeferredEvents;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.exec.Deployment;
import com.ivsstack.engine.exec.DeploymentSettings;
import com.ivsstack.engine.monitor.EngineService;
import com.ivsstack.engine.monitor.ResourceMonitorService;
import com.ivsstack.engine.program.ProgramRunner;
import com.ivsstack.engine.program.ProgramSpec;
import com.ivsstack.engine.timing.RunTimings;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;

/**
 * The program's process and the ResourceMonitor and Engine services it talks to on 127.0.0.1. The program may be
 * started before its deployment exists (while the state loads and the passphrase key is derived, which the
 * program's own JVM start-up outlasts): its calls wait for the deployment, and its output is held until then.
 */
final class ProgramRun implements AutoCloseable {
    private final CompletableFuture<Deployment> deployment = new CompletableFuture<>();
    private final DeferredEvents events = new DeferredEvents();
    private final EngineService engine = new EngineService(events,
            () -> deployment.isDone() && !deployment.isCompletedExceptionally() && !deployment.join().errors().isEmpty());
    private final Server server;
    private final ProgramRunner.Running program;
    private boolean attached;

    private ProgramRun(ProgramSpec spec, DeploymentSettings settings, String rootDirectory) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(new ResourceMonitorService(deployment::join))
                    .addService(engine)
                    .callExecutor(ProgramRun::executorOf)
                    .maxInboundMessageSize(400 * 1024 * 1024)
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the resource monitor on 127.0.0.1", e);
        }
        try {
            String address = "127.0.0.1:" + server.getPort();
            RunTimings.mark("program-starting");
            program = ProgramRunner.start(spec, new ProgramRunner.Environment(address, address,
                    settings.organization(), settings.project(), settings.stack(), settings.dryRun(), settings.config(),
                    rootDirectory, settings.parallel()), events);
        } catch (RuntimeException e) {
            stopServer();
            throw e;
        }
    }

    static ProgramRun start(ProgramSpec spec, DeploymentSettings settings, String rootDirectory) {
        return new ProgramRun(spec, settings, rootDirectory);
    }

    /**
     * Gives the program its deployment and passes on its output (what it printed so far first), then waits until
     * it has exited and every step it started has finished; its exit code.
     */
    int attach(Deployment ready, DeploymentEvents readyEvents) {
        attached = true;
        events.open(readyEvents);
        deployment.complete(ready);
        try {
            return program.waitFor();
        } finally {
            stopServer();
            ready.awaitRunningSteps();
        }
    }

    /** The errors the program logged (its own report of why it failed), as shown. */
    List<String> loggedErrors() {
        return engine.loggedErrors();
    }

    /** A program never attached (the run failed before its turn) is stopped, and whatever it printed dropped. */
    @Override
    public void close() {
        if (!attached) {
            events.drop();
            deployment.completeExceptionally(new IllegalStateException("the run ended before the program's turn"));
            program.kill();
            stopServer();
        }
    }

    private void stopServer() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The Engine service's calls (the program's log: four debug messages per resource, which the Pulumi Java SDK
     * sends one after another, each waiting for the answer to the one before) never block, so they run on the
     * transport's thread rather than hopping to another; resource monitor calls block until their step is done,
     * and keep the server's executor.
     */
    private static Executor executorOf(ServerCall<?, ?> call, Metadata headers) {
        return call.getMethodDescriptor().getServiceName().equals(EngineGrpc.SERVICE_NAME) ? Runnable::run : null;
    }
}
