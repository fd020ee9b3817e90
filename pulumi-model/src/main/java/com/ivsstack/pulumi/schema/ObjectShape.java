package com.ivsstack.pulumi.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The properties of an object (a resource's inputs or outputs, an object type, a function's arguments or result, the
 * provider's configuration), and which of them are required.
 */
public final class ObjectShape {

    public static final ObjectShape EMPTY = new ObjectShape(List.of(), Set.of());

    private final Map<String, PropertySpec> declared = new LinkedHashMap<>();
    private final List<PropertySpec> sorted;
    private final Set<String> required;

    /** @param declared the properties in the order the schema declares them */
    public ObjectShape(List<PropertySpec> declared, Set<String> required) {
        declared.forEach(property -> this.declared.put(property.name(), property));
        var byName = new ArrayList<>(declared);
        byName.sort(Comparator.comparing(PropertySpec::name));
        this.sorted = Collections.unmodifiableList(byName);
        this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
    }

    /** The properties sorted by name, as Pulumi's generators emit them. */
    public List<PropertySpec> properties() {
        return sorted;
    }

    /** The properties by name, in the order the schema declares them. */
    public Map<String, PropertySpec> declared() {
        return Collections.unmodifiableMap(declared);
    }

    /** The property of that name, or null. */
    public PropertySpec property(String name) {
        return declared.get(name);
    }

    public Set<String> required() {
        return required;
    }

    public boolean isRequired(PropertySpec property) {
        return required.contains(property.name());
    }

    public boolean isEmpty() {
        return declared.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectShape that && declared.equals(that.declared) && required.equals(that.required);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declared, required);
    }

    @Override
    public String toString() {
        return "ObjectShape" + declared.keySet() + " required " + required;
    }
}
