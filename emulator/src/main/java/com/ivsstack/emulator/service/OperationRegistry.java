package com.ivsstack.emulator.service;

import com.ivsstack.emulator.service.Operation.ApiService;
import com.ivsstack.emulator.service.Operation.Handler;
import com.ivsstack.emulator.validation.StructureShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The operations of both services by name. Resource services add theirs through the builder methods. */
public final class OperationRegistry {
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /** A read-only operation answering 200. */
    public void read(ApiService service, String name, int rate, StructureShape input, Handler handler) {
        add(new Operation(name, service, 200, input, false, rate, handler));
    }

    /** A state-changing operation answering {@code status} (200, or 204 for the IVS deletes and PutMetadata). */
    public void write(ApiService service, String name, int status, int rate, StructureShape input, Handler handler) {
        add(new Operation(name, service, status, input, true, rate, handler));
    }

    private void add(Operation operation) {
        if (operations.putIfAbsent(operation.name(), operation) != null) {
            throw new IllegalStateException("operation " + operation.name() + " registered twice");
        }
    }

    public Optional<Operation> get(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Map<String, Operation> all() {
        return Collections.unmodifiableMap(operations);
    }
}
