package com.ivsstack.engine.plan;

/**
 * One changed property of a step: its path, the kind of change, whether it forces a replacement,
 * and the old and new values (values may be {@link com.ivsstack.pulumi.value.Secret}).
 */
public record PropertyChange(String path, Kind kind, boolean forcesReplacement, Object oldValue, Object newValue) {
    public enum Kind { ADD, DELETE, UPDATE }
}
