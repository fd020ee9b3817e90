package com.ivsstack.engine.exec;

import java.util.Map;
import java.util.Set;

/**
 * Fixed inputs of one deployment.
 *
 * @param config       the stack configuration by full key ({@code ns:key}), values as strings or Secret
 * @param dryRun       a preview: providers are asked with preview=true, nothing is changed or written
 * @param targets      URNs to limit the update to (empty = everything)
 * @param parallel     how many provider operations may run at once
 */
public record DeploymentSettings(
        String organization,
        String project,
        String stack,
        Map<String, Object> config,
        boolean dryRun,
        Set<String> targets,
        int parallel) {

    public boolean targeted(String urn) {
        return targets.isEmpty() || targets.contains(urn);
    }
}
