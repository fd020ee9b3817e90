package com.ivsstack.engine.state.backend;

/**
 * A conditional write refused because the object is not the version the writer expected: another writer changed it
 * (or created it) since this one last read or wrote it. The writer's change was not made.
 */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String key, String expected) {
        super("the object " + key + " is no longer the version this run " + (expected == null
                ? "expected (absent): another run created it" : "last wrote or read: another run changed it"));
    }
}
