package com.ivsstack.engine.exec;

import java.util.Map;

/** What the program gets back for a registration: URN, id ("" when unknown) and outputs. */
public record RegisterOutcome(String urn, String id, Map<String, Object> outputs) {
}
