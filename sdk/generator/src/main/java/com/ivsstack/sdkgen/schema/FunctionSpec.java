package com.ivsstack.sdkgen.schema;

/** A function (invoke); {@code inputs} is null when it takes none. */
public record FunctionSpec(Token token, String description, ObjectShape inputs, ObjectShape outputs,
        String deprecationMessage) {}
