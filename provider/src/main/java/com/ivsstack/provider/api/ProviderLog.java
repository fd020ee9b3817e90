package com.ivsstack.provider.api;

/**
 * Messages the user should see (a detached recording configuration, a stopped live stream), attached to a resource.
 * The plugin forwards them to the engine's log; tests collect them.
 */
public interface ProviderLog {

    enum Severity { DEBUG, INFO, WARNING, ERROR }

    void log(Severity severity, String urn, String message);

    default void info(String urn, String message) {
        log(Severity.INFO, urn, message);
    }

    default void warn(String urn, String message) {
        log(Severity.WARNING, urn, message);
    }

    /** Drops every message. */
    ProviderLog NONE = (severity, urn, message) -> { };
}
