package com.ivsstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What the figures were measured on, and peak memory of processes (Linux /proc). */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        return "cpus " + Runtime.getRuntime().availableProcessors() + ", " + cpuModel() + ", memory "
                + memoryTotal() + ", java " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", load average " + loadAverage();
    }

    public static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg")).replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    }

    private static String cpuModel() {
        return field(Path.of("/proc/cpuinfo"), "model name").orElse("cpu model unknown");
    }

    private static String memoryTotal() {
        return field(Path.of("/proc/meminfo"), "MemTotal").map(kb -> {
            long kilobytes = Long.parseLong(kb.replaceAll("[^0-9]", ""));
            return String.format("%.1f GB", kilobytes / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    /** The process's peak resident set size (VmHWM) in MB, while it runs; empty when it is gone. */
    public static OptionalLong peakRssMegabytes(long pid) {
        return field(Path.of("/proc/" + pid + "/status"), "VmHWM")
                .map(kb -> OptionalLong.of(Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024))
                .orElse(OptionalLong.empty());
    }

    /**
     * CPU time (user + system, every thread, exited ones included) the process has used so far, from
     * {@code /proc/<pid>/stat} in clock ticks of 10 ms; empty where there is no /proc.
     */
    public static java.util.OptionalDouble cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return java.util.OptionalDouble.of(ticks * 10.0);
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalDouble.empty();
        }
    }

    private static java.util.Optional<String> field(Path file, String name) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
