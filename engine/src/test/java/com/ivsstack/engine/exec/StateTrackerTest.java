package com.ivsstack.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.engine.state.CheckpointStore;
import com.ivsstack.engine.state.PendingOperation;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.SecretsManager;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.state.backend.BackendException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change of a deployment is on disk when the call that made it returns, however many steps run at once. */
class StateTrackerTest {
    @TempDir
    Path dir;

    private CheckpointStore store(Path stateDir) {
        return new CheckpointStore(stateDir, "organization", "app", "dev", new SecretsManager(() -> "pass", null));
    }

    private static ResourceState channel(String name) {
        return ResourceState.builder("urn:pulumi:dev::app::ivs:index:Channel::" + name, "ivs:index:Channel", true)
                .id("arn:aws:ivs:us-west-2:123456789012:channel/" + name).inputs(Map.of("name", name)).build();
    }

    @Test
    void changes_fromManyStepsAtOnce_eachIsInTheCheckpointOnDiskWhenItsCallReturns() throws Exception {
        CheckpointStore store = store(dir);
        StateTracker tracker = new StateTracker(Snapshot.EMPTY, store, true);
        var pool = Executors.newFixedThreadPool(8);
        var steps = new ArrayList<Callable<List<String>>>();
        for (int step = 0; step < 8; step++) {
            int first = step * 25;
            steps.add(() -> {
                var missing = new ArrayList<String>();
                for (int i = first; i < first + 25; i++) {
                    ResourceState planned = channel("c" + i);
                    PendingOperation creating = new PendingOperation(planned, PendingOperation.CREATING);
                    tracker.begin(creating);
                    if (!store.load().pendingOperations().contains(creating)) {
                        missing.add("pending create of c" + i);
                    }
                    tracker.complete(creating, null, planned);
                    Snapshot onDisk = store.load();
                    if (onDisk.live(planned.urn()).isEmpty() || onDisk.pendingOperations().contains(creating)) {
                        missing.add("created c" + i);
                    }
                }
                return missing;
            });
        }
        try {
            for (Future<List<String>> result : pool.invokeAll(steps)) {
                assertThat(result.get()).as("changes not on disk when their call returned").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        Snapshot finalState = store.load();
        assertThat(finalState.resources()).hasSize(200);
        assertThat(finalState.pendingOperations()).isEmpty();
        assertThat(finalState).isEqualTo(tracker.snapshot());
    }

    @Test
    void changes_whenTheCheckpointCannotBeWritten_failEveryCallerInsteadOfWaitingForever() throws Exception {
        Files.createDirectories(dir.resolve(".pulumi/stacks"));
        Files.writeString(dir.resolve(".pulumi/stacks/app"), "a file where the project's directory of stacks should be");
        StateTracker tracker = new StateTracker(Snapshot.EMPTY, store(dir), true);
        var pool = Executors.newFixedThreadPool(4);
        var steps = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 4; i++) {
            String name = "c" + i;
            steps.add(() -> {
                tracker.add(channel(name));
                return null;
            });
        }
        try {
            for (Future<Void> result : pool.invokeAll(steps)) {
                assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(BackendException.class).hasMessageContaining(".pulumi/stacks/app/dev.json");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> tracker.add(channel("later"))).isInstanceOf(BackendException.class);
    }

    @Test
    void changes_inPreview_writeNothing() {
        CheckpointStore store = store(dir);
        StateTracker tracker = new StateTracker(Snapshot.EMPTY, store, false);

        tracker.add(channel("a"));
        tracker.save();

        assertThat(Files.exists(store.checkpointFile())).isFalse();
        assertThat(tracker.snapshot().resources()).hasSize(1);
    }
}
