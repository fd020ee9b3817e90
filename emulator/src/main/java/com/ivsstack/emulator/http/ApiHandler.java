package com.ivsstack.emulator.http;

import static com.ivsstack.emulator.validation.CommonShapes.resourceArn;
import static com.ivsstack.emulator.validation.Shapes.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.admin.FaultInjector;
import com.ivsstack.emulator.admin.RateQuotas;
import com.ivsstack.emulator.admin.RequestCounters;
import com.ivsstack.emulator.service.ApiException;
import com.ivsstack.emulator.service.EmulatorSettings;
import com.ivsstack.emulator.service.ErrorType;
import com.ivsstack.emulator.service.Operation;
import com.ivsstack.emulator.service.OperationRegistry;
import com.ivsstack.emulator.service.RequestContext;
import com.ivsstack.emulator.store.EmulatorStore;
import com.ivsstack.emulator.store.JsonDocuments;
import com.ivsstack.emulator.validation.RequestValidator;
import com.ivsstack.emulator.validation.StructureShape;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IVS and IVS RealTime wire protocol: {@code POST /<Operation>} with a JSON body, and the tag operations on
 * {@code /tags/<percent-encoded ARN>}. Any path prefix before these is ignored, so an endpoint override with a
 * path works. Each request is counted; the ARN in a tag path is validated before anything else; then faults and
 * rate quotas apply, then the whole request is validated, and only then does the operation look anything up.
 */
public final class ApiHandler implements WireHandler {
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");
    /** Region for unsigned requests (curl and the like): the CLI's and SDKs' usual default. */
    static final String DEFAULT_REGION = "us-east-1";
    private static final String TAGS_SEGMENT = "tags";
    private static final StructureShape TAG_PATH = structure().required("resourceArn", resourceArn());

    private final OperationRegistry registry;
    private final EmulatorStore store;
    private final Supplier<EmulatorSettings> settings;
    private final String accountId;
    private final FaultInjector faults;
    private final RateQuotas quotas;
    private final RequestCounters counters;

    public ApiHandler(OperationRegistry registry, EmulatorStore store, Supplier<EmulatorSettings> settings,
                      String accountId, FaultInjector faults, RateQuotas quotas, RequestCounters counters) {
        this.registry = registry;
        this.store = store;
        this.settings = settings;
        this.accountId = accountId;
        this.faults = faults;
        this.quotas = quotas;
        this.counters = counters;
    }

    @Override
    public WireResponse handle(WireRequest request) {
        try {
            Call call = route(request);
            counters.increment(call.operationName());
            if (call.pathArn() != null) {
                ObjectNode path = JsonDocuments.object();
                path.put("resourceArn", call.pathArn());
                RequestValidator.validate(TAG_PATH, path);
            }
            FaultRule fault = faults.next(call.operationName()).orElse(null);
            if (fault != null && applyFault(fault)) {
                return WireResponse.droppedConnection();
            }
            Operation operation = registry.get(call.operationName()).orElseThrow(() -> new ApiException(
                    ErrorType.UNKNOWN_OPERATION, "Unknown operation " + request.method() + " " + request.rawPath()));
            if (!quotas.tryAcquire(operation.name(), operation.ratePerSecond())) {
                counters.incrementThrottled(operation.name());
                throw new ApiException(ErrorType.THROTTLING, "Rate exceeded: " + operation.name() + " allows "
                        + operation.ratePerSecond() + " requests per second");
            }
            ObjectNode input = call.input(request);
            RequestValidator.validate(operation.input(), input);
            RequestContext context = new RequestContext(region(request), accountId, Instant.now(), store,
                    settings.get());
            JsonNode result = operation.mutating()
                    ? store.write(() -> operation.handler().handle(context, input))
                    : store.read(() -> operation.handler().handle(context, input));
            return WireResponse.json(operation.successStatus(),
                    result == null && operation.successStatus() == 200 ? JsonDocuments.object() : result);
        } catch (ApiException e) {
            return WireResponse.error(e.type(), e.getMessage());
        } catch (RuntimeException e) {
            return WireResponse.error(ErrorType.INTERNAL_SERVER, "Internal error in the emulator: " + e);
        }
    }

    /** Returns true when the fault drops the connection, false when the request should go on. */
    private static boolean applyFault(FaultRule fault) {
        switch (fault.kind()) {
            case LATENCY, RANDOM_LATENCY -> {
                long millis = fault.kind() == FaultRule.Kind.LATENCY ? fault.latency().toMillis()
                        : ThreadLocalRandom.current().nextLong(fault.latency().toMillis() + 1);
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case THROTTLING -> throw new ApiException(ErrorType.THROTTLING, "Rate exceeded (injected fault)");
            case INTERNAL_ERROR -> throw new ApiException(ErrorType.INTERNAL_SERVER,
                    "Internal server error (injected fault)");
            case DROP_CONNECTION -> {
                return true;
            }
            case ERROR -> throw new ApiException(ErrorType.ofCode(fault.errorCode()).orElse(ErrorType.INTERNAL_SERVER),
                    fault.errorCode() + " (injected fault)");
            default -> throw new IllegalStateException("unknown fault kind " + fault.kind());
        }
    }

    /** The region of the SigV4 credential scope in {@code Authorization}. */
    static String region(WireRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_REGION;
    }

    /**
     * Which operation a request calls, and how to read its input.
     *
     * @param pathArn the decoded ARN of a tag path, or null for the other operations
     */
    private record Call(String operationName, String pathArn) {
        ObjectNode input(WireRequest request) {
            if (pathArn == null) {
                return request.jsonBody();
            }
            ObjectNode input = "POST".equals(request.method()) ? request.jsonBody() : JsonDocuments.object();
            input.put("resourceArn", pathArn);
            if ("DELETE".equals(request.method())) {
                List<String> keys = request.queryValues("tagKeys");
                if (!keys.isEmpty() || request.rawQuery() != null && request.rawQuery().contains("tagKeys")) {
                    keys.forEach(input.putArray("tagKeys")::add);
                }
            }
            return input;
        }
    }

    /** {@code .../tags/<ARN>} is a tag operation (the ARN may arrive with its slash unencoded); else the last segment. */
    private static Call route(WireRequest request) {
        List<String> segments = request.rawSegments();
        int tags = segments.indexOf(TAGS_SEGMENT);
        String method = request.method();
        if (tags >= 0 && tags < segments.size() - 1) {
            String rawArn = String.join("/", segments.subList(tags + 1, segments.size()));
            String name = switch (method) {
                case "GET" -> "ListTagsForResource";
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> method + " /tags";
            };
            return new Call(name, WireRequest.decodePathSegment(rawArn));
        }
        String name = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        return new Call("POST".equals(method) ? name : method + " /" + name, null);
    }
}
