package com.ivsstack.provider.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole provider: its configuration lifecycle, its resource types and its functions. The gRPC plugin is a thin
 * adapter over this interface; so is anything else that hosts the provider in-process.
 */
public interface Provider {

    /** The package name, for example {@code ivs}. */
    String packageName();

    /** A semver version, for example {@code 0.1.0}. */
    String version();

    /** The package schema, exactly the bytes of schema.json. */
    String schemaJson();

    /** Validate the provider configuration (bare keys such as {@code region}), defaults applied. */
    CheckResult checkConfig(Map<String, Object> olds, Map<String, Object> news);

    /** Whether a configuration change replaces the provider (and so every resource it manages). */
    DiffResult diffConfig(Map<String, Object> oldInputs, Map<String, Object> oldOutputs, Map<String, Object> news);

    /**
     * Apply the configuration. No AWS client is built before this call.
     *
     * @throws MissingConfigurationException when required keys are missing, naming them
     */
    void configure(Map<String, Object> config);

    Optional<ResourceHandler> resource(String token);

    Optional<ProviderFunction> function(String token);

    /**
     * The delete preflight: for each member of the group whose delete would certainly fail now, the reasons, by URN
     * (empty when every delete can go ahead). Each member is asked through its type's
     * {@link ResourceType#deleteBlockers}.
     */
    default Map<String, List<String>> deleteBlockers(DeleteGroup group) {
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        for (DeleteGroup.Member member : group.members()) {
            List<String> reasons = resource(member.type())
                    .map(type -> type.deleteBlockers(member.request(), group)).orElse(List.of());
            if (!reasons.isEmpty()) {
                blocked.put(member.request().urn(), reasons);
            }
        }
        return blocked;
    }

    /** Advisory: the user asked to stop; long waits should end soon. */
    default void cancel() {
    }
}
