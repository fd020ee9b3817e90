package com.ivsstack.engine.state.backend.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.engine.state.backend.BackendUrl;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large checkpoints written by many threads (the threads that commit steps) keep no direct memory of their size per
 * thread: at 10,000 resources that ran a file:// up out of direct memory, with gigabytes of native memory held.
 */
class FileBlobStoreMemoryTest {
    private static final int CHECKPOINT = 8 * 1024 * 1024;
    private static final int THREADS = 6;

    @TempDir
    Path dir;

    @Test
    void writeIf_largeBlobsFromManyThreads_keepsNoDirectBufferOfTheirSize() throws Exception {
        byte[] data = new byte[CHECKPOINT];
        Arrays.fill(data, (byte) '{');
        try (FileBlobStore store = new FileBlobStore(BackendUrl.file(dir))) {
            long before = directMemoryUsed();
            String[] version = {null};
            CountDownLatch measured = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            try {
                // One write per thread, one after another; the threads stay alive, as a pool's do (a thread's cached
                // buffers are freed when it ends).
                for (int i = 0; i < THREADS; i++) {
                    CountDownLatch written = new CountDownLatch(1);
                    Thread writer = new Thread(() -> {
                        version[0] = store.writeIf("stack.json", data, data.length, version[0]);
                        written.countDown();
                        awaitQuietly(measured);
                    });
                    writers.add(writer);
                    writer.start();
                    assertThat(written.await(30, TimeUnit.SECONDS)).as("write %d done", i).isTrue();
                }
                long kept = directMemoryUsed() - before;

                assertThat(Files.size(dir.resolve("stack.json"))).isEqualTo(CHECKPOINT);
                assertThat(kept).as("direct memory kept after %d threads each wrote %d bytes", THREADS, CHECKPOINT)
                        .isLessThan(CHECKPOINT);
            } finally {
                measured.countDown();
                for (Thread writer : writers) {
                    writer.join();
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
