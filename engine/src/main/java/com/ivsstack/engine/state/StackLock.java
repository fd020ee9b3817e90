package com.ivsstack.engine.state;

import com.ivsstack.engine.state.backend.BackendLock;
import java.util.function.Consumer;

/**
 * The exclusive lock on one stack for a run that writes its state, on the stack's backend (see {@link BackendLock}):
 * a second run is refused while the first holds it, with who holds it and how to clear it. On a file system and on
 * PostgreSQL a killed run releases it with its process or connection; on S3 its lock object stays until
 * {@code ivsstack cancel}.
 */
public final class StackLock implements AutoCloseable {
    private final BackendLock lock;

    private StackLock(BackendLock lock) {
        this.lock = lock;
    }

    /**
     * @param command what the run does, shown to a run it refuses ("ivsstack up")
     * @param notices told when the lock of a run that ended without releasing it was replaced
     */
    public static StackLock acquire(CheckpointStore store, String command, Consumer<String> notices) {
        StackLock lock = new StackLock(BackendLock.acquire(store.backend().store(), store.layout(), command, notices));
        try {
            store.backend().ensureLayoutWritten();
            store.fenceFromNextRead();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    public static StackLock acquire(CheckpointStore store, String command) {
        return acquire(store, command, notice -> { });
    }

    @Override
    public void close() {
        lock.close();
    }
}
