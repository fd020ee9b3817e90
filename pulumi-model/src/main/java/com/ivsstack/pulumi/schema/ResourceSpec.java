package com.ivsstack.pulumi.schema;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resource: its outputs ({@code properties}), its inputs, and the inputs of its {@code get} lookup
 * ({@code stateInputs}, or null when the schema leaves them out).
 */
public record ResourceSpec(
        Token token, String description, ObjectShape outputs, ObjectShape inputs, ObjectShape stateInputs,
        String deprecationMessage) {

    /** The input properties that the API cannot change in place: a change replaces the resource. */
    public Set<String> replaceOnChanges() {
        return inputs.declared().values().stream()
                .filter(PropertySpec::replaceOnChanges)
                .map(PropertySpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
