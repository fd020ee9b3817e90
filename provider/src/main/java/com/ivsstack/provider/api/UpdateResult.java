package com.ivsstack.provider.api;

import java.util.Map;

/** The resource's outputs after the update. */
public record UpdateResult(Map<String, Object> outputs) {
}
