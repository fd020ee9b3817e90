package com.ivsstack.provider.api;

import java.time.Duration;
import java.util.Map;

/**
 * Create a resource, or during preview predict its outputs without calling AWS.
 *
 * @param inputs the checked inputs; may contain {@link Unknown} values only when {@code preview}
 * @param timeout the user's custom timeout, or null for the resource's default
 */
public record CreateRequest(String urn, Map<String, Object> inputs, Duration timeout, boolean preview) {
}
