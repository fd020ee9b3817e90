package com.ivsstack.provider.api;

import java.util.List;
import java.util.Map;

/** The checked inputs, defaults applied (what is stored and later passed to diff/create/update), or what is wrong. */
public record CheckResult(Map<String, Object> inputs, List<CheckFailure> failures) {

    public CheckResult {
        failures = List.copyOf(failures);
    }

    public boolean isValid() {
        return failures.isEmpty();
    }
}
