package com.ivsstack.sdkgen.schema;

/** A named object type from {@code types}. */
public record ObjectTypeSpec(Token token, String description, ObjectShape shape) {}
