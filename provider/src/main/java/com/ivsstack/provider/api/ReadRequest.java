package com.ivsstack.provider.api;

import java.util.Map;

/**
 * Read a resource's live state by id: refresh (old inputs and outputs given) or import (both empty).
 */
public record ReadRequest(String id, String urn, Map<String, Object> oldInputs, Map<String, Object> oldOutputs) {
}
