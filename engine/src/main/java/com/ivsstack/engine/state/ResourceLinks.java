package com.ivsstack.engine.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a resource depends on, as the Pulumi engine records it: its parent, its provider (the provider resource's
 * URN), its dependencies and, per input property, the resources that property's value came from. A plan's steps and
 * a stack's graph are drawn from these.
 */
public record ResourceLinks(String parent, String provider, List<String> dependencies,
                            Map<String, List<String>> propertyDependencies) {
    public static final ResourceLinks NONE = new ResourceLinks(null, null, List.of(), Map.of());

    public ResourceLinks {
        parent = parent == null || parent.isEmpty() ? null : parent;
        provider = provider == null || provider.isEmpty() ? null : provider;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        Map<String, List<String>> properties = new LinkedHashMap<>();
        if (propertyDependencies != null) {
            propertyDependencies.forEach((k, v) -> properties.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        propertyDependencies = java.util.Collections.unmodifiableMap(properties);
    }

    /**
     * @param providerReference the provider as a state entry names it, {@code <provider URN>::<provider id>}, or
     *                          null or empty for none
     */
    public static ResourceLinks of(String parent, String providerReference, List<String> dependencies,
                                   Map<String, List<String>> propertyDependencies) {
        String provider = providerReference == null || providerReference.isEmpty() ? null
                : ProviderReference.parse(providerReference).urn();
        return new ResourceLinks(parent, provider, dependencies, propertyDependencies);
    }

    /** A resource whose only link is its parent (a provider resource, say). */
    public static ResourceLinks parentOnly(String parent) {
        return new ResourceLinks(parent, null, List.of(), Map.of());
    }

    /** The dependencies and property dependencies together, in that order, each once. */
    public Set<String> dependsOn() {
        Set<String> all = new LinkedHashSet<>(dependencies);
        propertyDependencies.values().forEach(all::addAll);
        return all;
    }

    /** The input properties whose values came from {@code dependency}, sorted. */
    public List<String> propertiesFrom(String dependency) {
        return propertyDependencies.entrySet().stream().filter(e -> e.getValue().contains(dependency))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
