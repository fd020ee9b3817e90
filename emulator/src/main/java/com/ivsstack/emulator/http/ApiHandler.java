package com.ivsstack.emulator.http;

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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IVS and IVS RealTime wire protocol: {@code POST /<Operation>} with a JSON body, and the tag operations on
 * {@code /tags/<percent-encoded ARN>}. Any path prefix before these is ignored, so an endpoint override with a
 * path works. Each request is counted, then faults and rate quotas apply, then the whole request is validated,
 * and only then does the operation look anything up.
 */
public final class ApiHandler implements HttpHandler {
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");
    /** Region for unsigned requests (curl and the like): the CLI's and SDKs' usual default. */
    static final String DEFAULT_REGION = "us-east-1";

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
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Call call = route(exchange);
            counters.increment(call.operationName());
            FaultRule fault = faults.next(call.operationName()).orElse(null);
            if (fault != null && applyFault(exchange, fault)) {
                return;
            }
            Operation operation = registry.get(call.operationName()).orElseThrow(() -> new ApiException(
                    ErrorType.UNKNOWN_OPERATION, "Unknown operation " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath()));
            if (!quotas.tryAcquire(operation.name(), operation.ratePerSecond())) {
                counters.incrementThrottled(operation.name());
                throw new ApiException(ErrorType.THROTTLING, "Rate exceeded: " + operation.name() + " allows "
                        + operation.ratePerSecond() + " requests per second");
            }
            ObjectNode input = call.input(exchange);
            RequestValidator.validate(operation.input(), input);
            RequestContext context = new RequestContext(region(exchange), accountId, Instant.now(), store,
                    settings.get());
            JsonNode result = operation.mutating()
                    ? store.write(() -> operation.handler().handle(context, input))
                    : store.read(() -> operation.handler().handle(context, input));
            HttpExchanges.sendJson(exchange, operation.successStatus(),
                    result == null && operation.successStatus() == 200 ? JsonDocuments.object() : result);
        } catch (ApiException e) {
            HttpExchanges.sendError(exchange, e.type(), e.getMessage());
        } catch (RuntimeException e) {
            HttpExchanges.sendError(exchange, ErrorType.INTERNAL_SERVER, "Internal error in the emulator: " + e);
        }
    }

    /** Returns true when the fault answered (or dropped) the request, false when it should go on. */
    private static boolean applyFault(HttpExchange exchange, FaultRule fault) throws IOException {
        switch (fault.kind()) {
            case LATENCY, RANDOM_LATENCY -> {
                long millis = fault.kind() == FaultRule.Kind.LATENCY ? fault.latency().toMillis()
                        : java.util.concurrent.ThreadLocalRandom.current().nextLong(fault.latency().toMillis() + 1);
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
                // closing an exchange before any response headers closes the connection itself
                exchange.close();
                return true;
            }
            case ERROR -> throw new ApiException(ErrorType.ofCode(fault.errorCode()).orElse(ErrorType.INTERNAL_SERVER),
                    fault.errorCode() + " (injected fault)");
            default -> throw new IllegalStateException("unknown fault kind " + fault.kind());
        }
    }

    /** The region of the SigV4 credential scope in {@code Authorization}. */
    static String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_REGION;
    }

    /** Which operation a request calls and how to read its input. */
    private interface Call {
        String operationName();

        ObjectNode input(HttpExchange exchange) throws IOException;
    }

    private static Call route(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        int tags = path.indexOf("/tags/");
        if (tags >= 0) {
            String resourceArn = HttpExchanges.decode(path.substring(tags + "/tags/".length()));
            String name = switch (method) {
                case "GET" -> "ListTagsForResource";
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> method + " /tags";
            };
            return new Call() {
                public String operationName() {
                    return name;
                }

                public ObjectNode input(HttpExchange e) throws IOException {
                    ObjectNode input = "POST".equals(method) ? HttpExchanges.readJsonObject(e) : JsonDocuments.object();
                    input.put("resourceArn", resourceArn);
                    if ("DELETE".equals(method) && e.getRequestURI().getRawQuery() != null
                            && e.getRequestURI().getRawQuery().contains("tagKeys")) {
                        HttpExchanges.queryValues(e, "tagKeys").forEach(input.putArray("tagKeys")::add);
                    }
                    return input;
                }
            };
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String operationName = "POST".equals(method) ? name : method + " /" + name;
        return new Call() {
            public String operationName() {
                return operationName;
            }

            public ObjectNode input(HttpExchange e) throws IOException {
                return HttpExchanges.readJsonObject(e);
            }
        };
    }
}
