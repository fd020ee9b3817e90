package com.ivsstack.pulumi.schema;

/** A package schema says something its readers cannot use; the message names the place and the rule. */
public class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }
}
