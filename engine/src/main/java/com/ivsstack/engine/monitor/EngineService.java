package com.ivsstack.engine.monitor;

import com.google.protobuf.Empty;
import com.ivsstack.engine.events.DeploymentEvents;
import com.ivsstack.engine.timing.RunTimings;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;

/**
 * The Engine service: the program's log, and its root (stack) resource. An error the program logs is shown briefly
 * (see {@link ProgramErrors}), its full text as a debug message, and kept for the run's result.
 */
public final class EngineService extends EngineGrpc.EngineImplBase {
    private final DeploymentEvents events;
    private final BooleanSupplier engineReportedAnError;
    private final AtomicBoolean errorLogged = new AtomicBoolean();
    private final List<String> loggedErrors = new CopyOnWriteArrayList<>();
    private volatile String rootResource = "";

    public EngineService(DeploymentEvents events) {
        this(events, () -> false);
    }

    /**
     * @param engineReportedAnError whether the run has reported an error of its own already (a failed step): a
     *                              program that then fails on that answer only repeats it
     */
    public EngineService(DeploymentEvents events, BooleanSupplier engineReportedAnError) {
        this.events = events;
        this.engineReportedAnError = engineReportedAnError;
    }

    /** Whether the program reported an error through the log (its exit code 32 relies on it). */
    public boolean errorLogged() {
        return errorLogged.get();
    }

    /** The errors the program logged, as shown. */
    public List<String> loggedErrors() {
        return List.copyOf(loggedErrors);
    }

    @Override
    public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
        String severity = switch (request.getSeverity()) {
            case DEBUG -> "debug";
            case WARNING -> "warning";
            case ERROR -> "error";
            default -> "info";
        };
        String urn = request.getUrn().isEmpty() ? null : request.getUrn();
        String message = request.getMessage();
        if (severity.equals("error")) {
            errorLogged.set(true);
            if (ProgramErrors.answersAnEngineError(message) && engineReportedAnError.getAsBoolean()) {
                events.diagnostic(urn, "debug", message);
                respond(response);
                return;
            }
            String brief = ProgramErrors.summarize(message);
            if (!brief.equals(message)) {
                events.diagnostic(urn, "debug", message);
                message = brief;
            }
            loggedErrors.add(message);
        }
        events.diagnostic(urn, severity, message);
        respond(response);
    }

    private static void respond(StreamObserver<Empty> response) {
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
