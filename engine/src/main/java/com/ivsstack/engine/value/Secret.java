package com.ivsstack.engine.value;

/** A property value that must never be shown or stored in plain text. */
public record Secret(Object value) {
    @Override
    public String toString() {
        return "[secret]";
    }
}
