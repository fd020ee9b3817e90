package com.ivsstack.engine.state.backend;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which backend a command uses, in the Pulumi CLI's order: the command's {@code --backend URL} (or {@code --state DIR},
 * ivsstack's older spelling of a file:// URL); else {@code PULUMI_BACKEND_URL}; else {@code backend.url} in
 * {@code Pulumi.yaml}; else the project's own directory {@code file://<project>/.ivsstack}.
 */
public final class BackendSelection {
    public static final String ENVIRONMENT_VARIABLE = "PULUMI_BACKEND_URL";
    public static final String DEFAULT_DIRECTORY = ".ivsstack";

    private BackendSelection() {
    }

    /**
     * @param backendOption  {@code --backend}, or null
     * @param stateOption    {@code --state}, or null
     * @param projectBackend {@code backend.url} of Pulumi.yaml, or null
     */
    public static BackendUrl select(String backendOption, Path stateOption, Map<String, String> environment,
                                    String projectBackend, Path projectDirectory) {
        if (backendOption != null && stateOption != null) {
            throw new IllegalArgumentException("give either --backend URL or --state DIR, not both (--state DIR is "
                    + "--backend file://DIR)");
        }
        if (backendOption != null) {
            return BackendUrl.parse(backendOption, projectDirectory);
        }
        if (stateOption != null) {
            return BackendUrl.file(stateOption);
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return BackendUrl.parse(fromEnvironment, projectDirectory);
        }
        if (projectBackend != null && !projectBackend.isBlank()) {
            return BackendUrl.parse(projectBackend, projectDirectory);
        }
        return BackendUrl.file(projectDirectory.resolve(DEFAULT_DIRECTORY));
    }

    /** The directory for a stack's local files (the local endpoint's data, a generated passphrase). */
    public static Path localDirectory(BackendUrl url, Path stateOption, Path projectDirectory) {
        if (url.isLocal()) {
            return url.directory();
        }
        return stateOption != null ? stateOption : projectDirectory.resolve(DEFAULT_DIRECTORY);
    }
}
