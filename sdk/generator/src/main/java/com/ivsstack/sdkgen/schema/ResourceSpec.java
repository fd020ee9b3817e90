package com.ivsstack.sdkgen.schema;

/**
 * A resource: its outputs ({@code properties}), its inputs, and the inputs of its {@code get} lookup
 * ({@code stateInputs}, or null when the schema leaves them out).
 */
public record ResourceSpec(
        Token token, String description, ObjectShape outputs, ObjectShape inputs, ObjectShape stateInputs,
        String deprecationMessage) {}
