package com.ivsstack.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.emulator.service.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Checks a whole request against its operation's input shape and fails with every violation at once. */
public final class RequestValidator {
    private RequestValidator() {
    }

    public static void validate(StructureShape input, JsonNode request) {
        List<String> errors = new ArrayList<>();
        input.check(request, "", errors);
        fail(errors);
    }

    /** Throws one ValidationException listing {@code errors}, in AWS's "N validation errors detected" form. */
    public static void fail(List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        throw ApiException.validation(count + String.join("; ", errors));
    }
}
