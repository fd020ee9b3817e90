package com.ivsstack.provider.api;

import java.util.List;
import java.util.stream.Collectors;

/** Configure cannot proceed: the named configuration keys are missing (no region, no credentials for AWS, ...). */
public class MissingConfigurationException extends ProviderException {

    public record MissingKey(String name, String description) {
    }

    private final List<MissingKey> missingKeys;

    public MissingConfigurationException(List<MissingKey> missingKeys) {
        super("missing required configuration: " + missingKeys.stream()
                .map(key -> key.name() + " (" + key.description() + ")")
                .collect(Collectors.joining(", ")));
        this.missingKeys = List.copyOf(missingKeys);
    }

    public List<MissingKey> missingKeys() {
        return missingKeys;
    }
}
