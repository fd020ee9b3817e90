package com.ivsstack.provider.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The properties of an object: a resource's inputs or outputs, an object type, a function's arguments. */
public record ObjectSchema(String token, Map<String, PropertySpec> properties, Set<String> required) {

    public ObjectSchema {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = Set.copyOf(required);
    }

    public PropertySpec property(String name) {
        return properties.get(name);
    }
}
