package com.ivsstack.engine.exec;

import com.ivsstack.engine.provider.ProviderClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/** The provider's Check of a resource's inputs, as the engine asks it: a stable seed, and failures as errors. */
final class InputChecks {
    private final RunErrors errors;

    InputChecks(RunErrors errors) {
        this.errors = errors;
    }

    /** The checked inputs (defaults filled in, names generated); invalid inputs are an error naming each failure. */
    Map<String, Object> check(ProviderClient client, String urn, Map<String, Object> olds, Map<String, Object> news) {
        ProviderClient.CheckResult checked = client.check(urn, olds, news, seed(urn));
        requireNoFailures(urn, checked.failures());
        return checked.inputs();
    }

    void requireNoFailures(String urn, List<ProviderClient.Failure> failures) {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder("invalid inputs for " + urn + ":");
            failures.forEach(f -> message.append("\n  - ").append(f));
            throw errors.fail(message.toString());
        }
    }

    /** A seed derived from the URN: the same resource gets the same random autonames in preview and update. */
    static byte[] seed(String urn) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(urn.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
