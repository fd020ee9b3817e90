package com.ivsstack.engine.exec;

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

    public String packageName() {
        return type.startsWith(ProviderRegistry.PROVIDER_TYPE_PREFIX)
                ? ProviderRegistry.packageOf(type)
                : type.substring(0, type.indexOf(':'));
    }
}
