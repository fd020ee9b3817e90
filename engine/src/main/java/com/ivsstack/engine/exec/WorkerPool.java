package com.ivsstack.engine.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The threads of a refresh or of a run's deletes: {@code --parallel} of them. A batch runs each item's work at once
 * and waits for all of it; a work that fails has already been recorded as a failed step by the {@link StepExecutor},
 * so the failure only goes to the caller's handler and the batch carries on.
 */
final class WorkerPool implements AutoCloseable {
    private final ExecutorService pool;
    private final String what;

    /** {@code what} names the work in the error of a batch that was interrupted: "refresh", "delete". */
    WorkerPool(int parallel, String what) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        this.what = what;
    }

    <T> void runAll(Collection<T> items, Consumer<T> work, Consumer<T> onFailure) {
        List<Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(pool.submit(() -> {
                try {
                    work.accept(item);
                } catch (RuntimeException e) {
                    onFailure.accept(item);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                throw new DeploymentException(what + " interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
