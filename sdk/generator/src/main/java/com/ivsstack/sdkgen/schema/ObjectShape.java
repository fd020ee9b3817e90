package com.ivsstack.sdkgen.schema;

import java.util.List;
import java.util.Set;

/** Properties (sorted by name, as Pulumi's generators emit them) and which of them are required. */
public record ObjectShape(List<PropertySpec> properties, Set<String> required) {

    public static final ObjectShape EMPTY = new ObjectShape(List.of(), Set.of());

    public boolean isRequired(PropertySpec property) {
        return required.contains(property.name());
    }

    public boolean isEmpty() {
        return properties.isEmpty();
    }
}
