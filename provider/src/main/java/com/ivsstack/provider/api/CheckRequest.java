package com.ivsstack.provider.api;

import java.util.Map;

/**
 * Validate and complete the inputs of one resource.
 *
 * @param olds the inputs stored for the resource, empty when it is being created
 * @param news the inputs the program declares now
 */
public record CheckRequest(String urn, Map<String, Object> olds, Map<String, Object> news) {
}
