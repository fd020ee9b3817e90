package com.ivsstack.provider.schema;

/**
 * One property of a resource, type or function, as schema.json declares it.
 *
 * @param defaultValue the schema's {@code default}, or null when there is none
 * @param replaceOnChanges whether a change to the property replaces its resource (the API cannot change it in place)
 */
public record PropertySpec(String name, TypeRef type, String description, Object defaultValue, boolean secret,
                           boolean replaceOnChanges) {
}
