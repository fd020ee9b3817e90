package com.ivsstack.provider.schema;

/** A function (invoke) in schema.json. */
public record FunctionSchema(String token, ObjectSchema inputs, ObjectSchema outputs) {
}
