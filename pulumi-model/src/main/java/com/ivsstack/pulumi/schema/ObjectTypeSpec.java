package com.ivsstack.pulumi.schema;

/** A named object type from {@code types}. */
public record ObjectTypeSpec(Token token, String description, ObjectShape shape) {}
