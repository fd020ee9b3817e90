package com.ivsstack.provider.api;

import java.util.List;
import java.util.Map;

/**
 * Compare a resource's stored state with what the program declares now.
 *
 * @param oldInputs the inputs stored at the last create or update
 * @param oldOutputs the outputs stored at the last create, update or read
 * @param news the new inputs, already checked
 * @param ignoreChanges property paths the user asked to ignore
 */
public record DiffRequest(String id, String urn, Map<String, Object> oldInputs, Map<String, Object> oldOutputs,
                          Map<String, Object> news, List<String> ignoreChanges) {
}
