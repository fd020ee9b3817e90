package com.ivsstack.pulumi.schema;

/** A function (invoke); {@code inputs} is null when it takes none. */
public record FunctionSpec(Token token, String description, ObjectShape inputs, ObjectShape outputs,
        String deprecationMessage) {

    /** The arguments: {@link ObjectShape#EMPTY} when it takes none. */
    public ObjectShape arguments() {
        return inputs == null ? ObjectShape.EMPTY : inputs;
    }
}
