package com.ivsstack.engine.state.backend;

/** A run refused because another one holds the stack's lock; the message names the holder and what to do. */
public final class StackLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StackLockedException(String message) {
        super(message);
    }
}
