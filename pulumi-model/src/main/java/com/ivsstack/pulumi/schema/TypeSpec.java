package com.ivsstack.pulumi.schema;

/** The type of a schema property: a primitive, an array, a string-keyed map, or a reference to a named type. */
public sealed interface TypeSpec {

    /** Schema primitives, plus {@code pulumi.json#/Any}. */
    enum PrimitiveKind { STRING, INTEGER, NUMBER, BOOLEAN, ANY }

    record Primitive(PrimitiveKind kind) implements TypeSpec {}

    record ArrayOf(TypeSpec items) implements TypeSpec {}

    record MapOf(TypeSpec values) implements TypeSpec {}

    /** {@code "$ref": "#/types/<token>"}: an object type or an enum declared under {@code types}. */
    record Named(Token token) implements TypeSpec {}
}
