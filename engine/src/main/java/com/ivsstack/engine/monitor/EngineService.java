package com.ivsstack.engine.monitor;

import com.google.protobuf.Empty;
import com.ivsstack.engine.RunTimings;
import com.ivsstack.engine.exec.DeploymentEvents;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicBoolean;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;

/** The Engine service: the program's log, and its root (stack) resource. */
public final class EngineService extends EngineGrpc.EngineImplBase {
    private final DeploymentEvents events;
    private final AtomicBoolean errorLogged = new AtomicBoolean();
    private volatile String rootResource = "";

    public EngineService(DeploymentEvents events) {
        this.events = events;
    }

    /** Whether the program reported an error through the log (its exit code 32 relies on it). */
    public boolean errorLogged() {
        return errorLogged.get();
    }

    @Override
    public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
        String severity = switch (request.getSeverity()) {
            case DEBUG -> "debug";
            case WARNING -> "warning";
            case ERROR -> "error";
            default -> "info";
        };
        if (severity.equals("error")) {
            errorLogged.set(true);
        }
        events.diagnostic(request.getUrn().isEmpty() ? null : request.getUrn(), severity, request.getMessage());
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
        RunTimings.latest("log-answered");
    }

    @Override
    public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
        response.onNext(EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(rootResource).build());
        response.onCompleted();
    }

    @Override
    public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
        rootResource = request.getUrn();
        response.onNext(EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
        response.onCompleted();
    }
}
