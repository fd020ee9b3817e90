package com.ivsstack.provider.schema;

import java.util.List;

/** The type of a property as schema.json declares it. */
public sealed interface TypeRef {

    /** A short human-readable name, used in check failures ("a string", "one of LOW, NORMAL"). */
    String describe();

    enum PrimitiveKind { STRING, BOOLEAN, INTEGER, NUMBER, ANY }

    record Primitive(PrimitiveKind kind) implements TypeRef {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case BOOLEAN -> "a boolean";
                case INTEGER -> "an integer";
                case NUMBER -> "a number";
                case ANY -> "any value";
            };
        }
    }

    record ArrayOf(TypeRef items) implements TypeRef {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record MapOf(TypeRef values) implements TypeRef {
        @Override
        public String describe() {
            return "a map of " + values.describe().replaceFirst("^an? ", "") + " values";
        }
    }

    record EnumOf(String token, List<String> values) implements TypeRef {
        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A named object type; its properties are resolved lazily because types may refer to each other. */
    record ObjectOf(String token, PackageSchema schema) implements TypeRef {
        public ObjectSchema objectSchema() {
            return schema.type(token);
        }

        @Override
        public String describe() {
            return "an object";
        }

        @Override
        public String toString() {
            return "ObjectOf[" + token + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ObjectOf that && token.equals(that.token);
        }

        @Override
        public int hashCode() {
            return token.hashCode();
        }
    }
}
