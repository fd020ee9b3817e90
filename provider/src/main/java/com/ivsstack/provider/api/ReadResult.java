package com.ivsstack.provider.api;

import java.util.Map;

/**
 * What a read found: the id, the live outputs, and the inputs that would produce them, as check would return them.
 * A resource that no longer exists reads as {@link #gone()}.
 */
public record ReadResult(String id, Map<String, Object> outputs, Map<String, Object> inputs) {

    public static ReadResult gone() {
        return new ReadResult(null, Map.of(), Map.of());
    }

    public boolean exists() {
        return id != null && !id.isEmpty();
    }
}
