package com.ivsstack.pulumi.value;

import java.util.Objects;

/** A property value that must never appear in plain text in logs, plans or state. */
public record Secret(Object value) {

    public Secret {
        if (value instanceof Secret) {
            throw new IllegalArgumentException("a secret cannot wrap another secret");
        }
    }

    /** Wraps {@code value} unless it is already a secret or null. */
    public static Object wrap(Object value) {
        return value == null || value instanceof Secret ? value : new Secret(value);
    }

    /** The plain value of {@code value}, unwrapping it if it is a secret. */
    public static Object unwrap(Object value) {
        return value instanceof Secret secret ? secret.value() : value;
    }

    @Override
    public String toString() {
        return "[secret]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
