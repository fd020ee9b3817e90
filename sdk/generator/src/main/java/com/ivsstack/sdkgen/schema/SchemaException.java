package com.ivsstack.sdkgen.schema;

/** schema.json says something the generator cannot turn into Java; the message names the place and the rule. */
public class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }
}
