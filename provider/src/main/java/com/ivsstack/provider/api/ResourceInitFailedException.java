package com.ivsstack.provider.api;

import java.util.List;
import java.util.Map;

/**
 * AWS created the resource, but a later step failed (waiting for ACTIVE, tagging). Carries the id and the outputs so
 * that the engine records the resource instead of leaking it; the next run retries with an update.
 */
public class ResourceInitFailedException extends ProviderException {

    private final String id;
    private final Map<String, Object> outputs;
    private final List<String> reasons;

    public ResourceInitFailedException(String id, Map<String, Object> outputs, List<String> reasons, Throwable cause) {
        super(String.join("; ", reasons), cause);
        this.id = id;
        this.outputs = Map.copyOf(outputs);
        this.reasons = List.copyOf(reasons);
    }

    public String id() {
        return id;
    }

    public Map<String, Object> outputs() {
        return outputs;
    }

    public List<String> reasons() {
        return reasons;
    }
}
