package com.ivsstack.engine.timing;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the phases of a run happened, for finding where the time of a command goes: with {@code IVSSTACK_TIMINGS}
 * set, each phase prints one line {@code ivsstack-timing <phase> <epoch millis>} to stderr (the benchmark reads them;
 * the JVM's own start is the phase {@code jvm-start}), and the command's end its peak memory
 * ({@code ivsstack-timing peak-rss-mb <MB>}). Without the variable nothing is measured or printed.
 */
public final class RunTimings {
    public static final String VARIABLE = "IVSSTACK_TIMINGS";
    public static final String PREFIX = "ivsstack-timing ";

    private static final boolean ENABLED = System.getenv(VARIABLE) != null;
    private static final PrintStream OUT = System.err;
    private static final ConcurrentHashMap<String, Boolean> ONCE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, long[]> LATEST = new ConcurrentHashMap<>();

    private RunTimings() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    /** Records that {@code phase} happened now. */
    public static void mark(String phase) {
        if (ENABLED) {
            print(phase, System.currentTimeMillis());
        }
    }

    /** Records only the first time {@code phase} happens in this JVM (the first registration, say). */
    public static void first(String phase) {
        if (ENABLED && ONCE.putIfAbsent(phase, Boolean.TRUE) == null) {
            print(phase, System.currentTimeMillis());
        }
    }

    /**
     * Counts an event that happens many times (a registration answered, a log message) and remembers when it last
     * happened; {@link #flushLatest()} prints {@code <phase> <epoch millis of the latest> <count>} for each.
     */
    public static void latest(String phase) {
        if (ENABLED) {
            long now = System.currentTimeMillis();
            LATEST.computeIfAbsent(phase, p -> new long[2]);
            LATEST.computeIfPresent(phase, (p, v) -> new long[] {Math.max(v[0], now), v[1] + 1});
        }
    }

    public static void flushLatest() {
        if (ENABLED) {
            LATEST.forEach((phase, v) -> print(phase, v[0] + " " + v[1]));
            LATEST.clear();
        }
    }

    /**
     * The checkpoint writes of a run: {@code state-writes <writes> <bytes written> <bytes of the last> <millis
     * writing>} (the benchmark's figures for the state backends).
     */
    public static void stateWrites(long writes, long bytes, long lastBytes, long millis) {
        if (ENABLED) {
            print("state-writes", writes + " " + bytes + " " + lastBytes + " " + millis);
        }
    }

    /** The JVM's start (when it began to initialise; the launcher before it takes a few milliseconds). */
    public static void jvmStart() {
        if (ENABLED) {
            print("jvm-start", java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }

    /** The command's end, and the JVM's peak resident memory (VmHWM) until then. */
    public static void exit() {
        if (ENABLED) {
            mark("cli-exit");
            try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/status"))) {
                lines.filter(l -> l.startsWith("VmHWM:")).findFirst().ifPresent(l -> print("peak-rss-mb",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024));
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux: no figure
            }
        }
    }

    private static synchronized void print(String phase, Object epochMillis) {
        OUT.println(PREFIX + phase + " " + epochMillis);
        OUT.flush();
    }
}
