package com.ivsstack.engine.state;

import java.util.List;
import java.util.Map;

/** One resource entry of a checkpoint (Pulumi's ResourceV3). Values are plain Java values (see Values). */
public record ResourceState(
        String urn,
        boolean custom,
        boolean delete,
        String id,
        String type,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        String parent,
        boolean protect,
        boolean external,
        List<String> dependencies,
        List<String> initErrors,
        String provider,
        Map<String, List<String>> propertyDependencies,
        boolean pendingReplacement,
        List<String> additionalSecretOutputs,
        Map<String, Double> customTimeouts,
        String importId,
        boolean retainOnDelete,
        String created,
        String modified,
        List<String> ignoreChanges) {

    public ResourceState {
        inputs = inputs == null ? Map.of() : inputs;
        outputs = outputs == null ? Map.of() : outputs;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        initErrors = initErrors == null ? List.of() : List.copyOf(initErrors);
        propertyDependencies = propertyDependencies == null ? Map.of() : propertyDependencies;
        additionalSecretOutputs = additionalSecretOutputs == null ? List.of() : List.copyOf(additionalSecretOutputs);
        customTimeouts = customTimeouts == null ? Map.of() : customTimeouts;
        ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
    }

    public static Builder builder(String urn, String type, boolean custom) {
        return new Builder().urn(urn).type(type).custom(custom);
    }

    public Builder toBuilder() {
        return new Builder().urn(urn).custom(custom).delete(delete).id(id).type(type).inputs(inputs).outputs(outputs)
                .parent(parent).protect(protect).external(external).dependencies(dependencies).initErrors(initErrors)
                .provider(provider).propertyDependencies(propertyDependencies).pendingReplacement(pendingReplacement)
                .additionalSecretOutputs(additionalSecretOutputs).customTimeouts(customTimeouts).importId(importId)
                .retainOnDelete(retainOnDelete).created(created).modified(modified).ignoreChanges(ignoreChanges);
    }

    public ResourceState withDelete(boolean value) {
        return toBuilder().delete(value).build();
    }

    public ResourceState withOutputs(Map<String, Object> value) {
        return toBuilder().outputs(value).build();
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The resource's name: the last URN segment. */
    public String name() {
        return Urns.name(urn);
    }

    /** What this resource depends on, as a plan's steps and a stack's graph show it. */
    public ResourceLinks links() {
        return ResourceLinks.of(parent, provider, dependencies, propertyDependencies);
    }

    /** Every URN this resource depends on: parent, provider, dependencies and property dependencies. */
    public java.util.Set<String> allDependencies() {
        java.util.Set<String> deps = new java.util.LinkedHashSet<>();
        if (parent != null && !parent.isEmpty()) {
            deps.add(parent);
        }
        if (provider != null && !provider.isEmpty()) {
            deps.add(ProviderReference.parse(provider).urn());
        }
        deps.addAll(dependencies);
        propertyDependencies.values().forEach(deps::addAll);
        deps.remove(urn);
        return deps;
    }

    public static final class Builder {
        private String urn;
        private boolean custom;
        private boolean delete;
        private String id;
        private String type;
        private Map<String, Object> inputs;
        private Map<String, Object> outputs;
        private String parent;
        private boolean protect;
        private boolean external;
        private List<String> dependencies;
        private List<String> initErrors;
        private String provider;
        private Map<String, List<String>> propertyDependencies;
        private boolean pendingReplacement;
        private List<String> additionalSecretOutputs;
        private Map<String, Double> customTimeouts;
        private String importId;
        private boolean retainOnDelete;
        private String created;
        private String modified;
        private List<String> ignoreChanges;

        public Builder urn(String v) { urn = v; return this; }
        public Builder custom(boolean v) { custom = v; return this; }
        public Builder delete(boolean v) { delete = v; return this; }
        public Builder id(String v) { id = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder inputs(Map<String, Object> v) { inputs = v; return this; }
        public Builder outputs(Map<String, Object> v) { outputs = v; return this; }
        public Builder parent(String v) { parent = v; return this; }
        public Builder protect(boolean v) { protect = v; return this; }
        public Builder external(boolean v) { external = v; return this; }
        public Builder dependencies(List<String> v) { dependencies = v; return this; }
        public Builder initErrors(List<String> v) { initErrors = v; return this; }
        public Builder provider(String v) { provider = v; return this; }
        public Builder propertyDependencies(Map<String, List<String>> v) { propertyDependencies = v; return this; }
        public Builder pendingReplacement(boolean v) { pendingReplacement = v; return this; }
        public Builder additionalSecretOutputs(List<String> v) { additionalSecretOutputs = v; return this; }
        public Builder customTimeouts(Map<String, Double> v) { customTimeouts = v; return this; }
        public Builder importId(String v) { importId = v; return this; }
        public Builder retainOnDelete(boolean v) { retainOnDelete = v; return this; }
        public Builder created(String v) { created = v; return this; }
        public Builder modified(String v) { modified = v; return this; }
        public Builder ignoreChanges(List<String> v) { ignoreChanges = v; return this; }

        public ResourceState build() {
            return new ResourceState(urn, custom, delete, id, type, inputs, outputs, parent, protect, external,
                    dependencies, initErrors, provider, propertyDependencies, pendingReplacement,
                    additionalSecretOutputs, customTimeouts, importId, retainOnDelete, created, modified, ignoreChanges);
        }
    }
}
