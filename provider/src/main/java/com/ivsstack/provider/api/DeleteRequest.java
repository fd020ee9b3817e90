package com.ivsstack.provider.api;

import java.time.Duration;
import java.util.Map;

/** Delete a resource; a resource that is already gone is a success. */
public record DeleteRequest(String id, String urn, Map<String, Object> oldInputs, Map<String, Object> oldOutputs,
                            Duration timeout) {
}
