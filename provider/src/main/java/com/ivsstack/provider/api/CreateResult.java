package com.ivsstack.provider.api;

import java.util.Map;

/** The new resource's id (its ARN; empty during preview) and outputs (which repeat the inputs). */
public record CreateResult(String id, Map<String, Object> outputs) {
}
