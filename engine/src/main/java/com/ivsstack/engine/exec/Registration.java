package com.ivsstack.engine.exec;

import com.ivsstack.engine.state.ResourceLinks;
import java.util.List;
import java.util.Map;

/** A resource as the program declares it (RegisterResource), in engine terms. */
public record Registration(
        String type,
        String name,
        String parent,
        boolean custom,
        Map<String, Object> inputs,
        boolean protect,
        List<String> dependencies,
        String provider,
        Map<String, List<String>> propertyDependencies,
        boolean deleteBeforeReplace,
        boolean deleteBeforeReplaceDefined,
        String version,
        List<String> ignoreChanges,
        List<String> additionalSecretOutputs,
        String importId,
        Map<String, Double> customTimeouts,
        boolean retainOnDelete,
        List<String> replaceOnChanges) {

    /** What the resource depends on, with its provider ({@code <urn>::<id>}, or null for none). */
    public ResourceLinks links(String providerReference) {
        return ResourceLinks.of(parent, providerReference, dependencies, propertyDependencies);
    }

    public String packageName() {
        return type.startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX)
                ? ProviderRegistry.packageOf(type)
                : type.substring(0, type.indexOf(':'));
    }
}
