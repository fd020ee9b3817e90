package com.ivsstack.engine.exec;

import com.ivsstack.pulumi.value.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which outputs a provider returns in plain text are secret in the state. */
final class SecretOutputs {
    private SecretOutputs() {
    }

    /**
     * Outputs named in additionalSecretOutputs, and outputs whose same-named input was secret, become secret
     * (the Pulumi engine does the same after every step).
     */
    static Map<String, Object> mark(Map<String, Object> outputs, Map<String, Object> inputs,
                                    List<String> additionalSecretOutputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        outputs.forEach((k, v) -> {
            boolean secret = additionalSecretOutputs.contains(k) || inputs.get(k) instanceof Secret;
            out.put(k, secret && !(v instanceof Secret) && v != null ? new Secret(v) : v);
        });
        return out;
    }

    /** A refreshed value stays secret if it was. */
    static Map<String, Object> keep(Map<String, Object> fresh, Map<String, Object> previous) {
        Map<String, Object> out = new LinkedHashMap<>();
        fresh.forEach((k, v) -> out.put(k, previous.get(k) instanceof Secret && !(v instanceof Secret) && v != null
                ? new Secret(v) : v));
        return out;
    }
}
