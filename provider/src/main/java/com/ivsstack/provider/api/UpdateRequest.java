package com.ivsstack.provider.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Update a resource in place, or during preview predict its outputs without calling AWS. */
public record UpdateRequest(String id, String urn, Map<String, Object> oldInputs, Map<String, Object> oldOutputs,
                            Map<String, Object> news, Duration timeout, boolean preview, List<String> ignoreChanges) {
}
