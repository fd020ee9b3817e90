package com.ivsstack.provider.schema;

import java.util.Set;
import java.util.stream.Collectors;

/** A resource type in schema.json: its inputs (what the user declares) and outputs (what the provider returns). */
public record ResourceSchema(String token, String description, ObjectSchema inputs, ObjectSchema outputs) {

    /** The input properties that the API cannot change in place. */
    public Set<String> replaceOnChanges() {
        return inputs.properties().values().stream()
                .filter(PropertySpec::replaceOnChanges)
                .map(PropertySpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The type's name without package and module: {@code ivs:index:Channel} gives {@code Channel}. */
    public String typeName() {
        return token.substring(token.lastIndexOf(':') + 1);
    }
}
