package com.ivsstack.bench.engine;

import com.ivsstack.bench.Figures;
import com.ivsstack.bench.LocalEndpoint;
import com.ivsstack.bench.LocalStateServers;
import com.ivsstack.bench.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state backends side by side in one run: {@code up} of the program of {@code size} resources and its no-change
 * preview, with the state in the project's directory ({@code file://}), in S3 (S3Proxy) and in PostgreSQL, both local
 * servers; each up's checkpoint writes and the bytes written. Then, at the scale of a whole IVS account's default
 * quota (5,000 channels with their keys, 10,001 resources with the stack), deployed with the endpoint's quotas off:
 * the time {@code up} spends writing state, and the checkpoint's size.
 */
public final class StateBackendBenchmark {
    private final EngineBenchmark engine;
    private final Path repository;
    private final Path workDirectory;
    private final int runs;
    private final int size;
    private final int largeSize;
    private final List<String> backends;

    /**
     * @param size      resources of the side-by-side up and preview (0: none)
     * @param largeSize resources of the large up per backend (0: none)
     * @param backends  of file, s3 and postgres, the ones measured
     */
    public StateBackendBenchmark(EngineBenchmark engine, Path repository, Path workDirectory, int runs, int size,
                                 int largeSize, List<String> backends) {
        this.engine = engine;
        this.repository = repository;
        this.workDirectory = workDirectory;
        this.runs = runs;
        this.size = size;
        this.largeSize = largeSize;
        this.backends = backends;
    }

    public void run(Report report) throws Exception {
        try (LocalStateServers servers = new LocalStateServers(repository); LocalEndpoint endpoint = new LocalEndpoint(0)) {
            if (size > 0) {
                sideBySide(report, servers, endpoint);
            }
            if (largeSize > 0) {
                large(report, servers, endpoint);
            }
        }
    }

    private void sideBySide(Report report, LocalStateServers servers, LocalEndpoint endpoint) throws Exception {
        report.section("State backends: up and no-change preview of " + size + " resources on " + backends
                + " (file://, S3 on S3Proxy, PostgreSQL: local servers)");
        Map<String, Double> previews = new LinkedHashMap<>();
        for (String backend : backends) {
            var ups = new ArrayList<EngineBenchmark.Preview>();
            Path project = null;
            Map<String, String> environment = null;
            for (int run = 0; run < Math.min(runs, 3); run++) {
                project = workDirectory.resolve("state-" + backend + "-" + size + "-" + run);
                environment = environment(servers, backend, "b" + size + "r" + run, project);
                ups.add(engine.deploy(endpoint, project, size, environment));
            }
            var previewRuns = new ArrayList<EngineBenchmark.Preview>();
            engine.cli(project, size, environment, "preview", "--expect-no-changes"); // warm-up
            for (int run = 0; run < runs; run++) {
                previewRuns.add(engine.cli(project, size, environment, "preview", "--expect-no-changes"));
            }
            var up = Figures.of("s", ups.stream().map(EngineBenchmark.Preview::seconds).toList());
            var preview = Figures.of("s", previewRuns.stream().map(EngineBenchmark.Preview::seconds).toList());
            report.figure(backend + ": up (--parallel 32, quotas off)", up);
            report.figure(backend + ": ... time writing checkpoints", Figures.of("s", ups.stream()
                    .map(p -> p.stateWrites()[3] / 1e3).toList()));
            report.figure(backend + ": ... checkpoint writes", Figures.of("writes", ups.stream()
                    .map(p -> p.stateWrites()[0]).toList()));
            report.figure(backend + ": ... bytes written", Figures.of("MB", ups.stream()
                    .map(p -> p.stateWrites()[1] / 1e6).toList()));
            report.figure(backend + ": ... checkpoint size", Figures.of("kB", ups.stream()
                    .map(p -> p.stateWrites()[2] / 1e3).toList()));
            report.figure(backend + ": no-change preview", preview);
            previews.put(backend, preview.median());
        }
        if (previews.containsKey("file")) {
            for (String remote : List.of("s3", "postgres")) {
                if (previews.containsKey(remote)) {
                    report.target(remote + ": preview time against file://", previews.get(remote) / previews.get("file"),
                            "<=", 1.25, "x");
                }
            }
        }
    }

    private void large(Report report, LocalStateServers servers, LocalEndpoint endpoint) throws Exception {
        report.section("State backends at " + (largeSize + 1) + " resources (" + largeSize / 2 + " channels with "
                + "their keys, and the stack), deployed once per backend, quotas off");
        for (String backend : backends) {
            Path project = workDirectory.resolve("state-" + backend + "-" + largeSize);
            var up = engine.deploy(endpoint, project, largeSize, environment(servers, backend, "large", project));
            double writing = up.stateWrites()[3] / 1e3;
            report.note(String.format("%s: up %s s, of which writing state %s s (%.1f%%); %d checkpoint writes, "
                            + "%s MB written; checkpoint %s MB; engine peak RSS %d MB", backend,
                    Figures.format(up.seconds()), Figures.format(writing), 100 * writing / up.seconds(),
                    up.stateWrites()[0], Figures.format(up.stateWrites()[1] / 1e6),
                    Figures.format(up.stateWrites()[2] / 1e6), up.peakRssMegabytes()));
            report.target(backend + ": share of up writing state at " + (largeSize + 1), 100 * writing / up.seconds(),
                    "<=", 10, "%");
        }
    }

    private static Map<String, String> environment(LocalStateServers servers, String backend, String name, Path project)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>(LocalStateServers.credentials());
        env.put("PULUMI_BACKEND_URL", switch (backend) {
            case "s3" -> servers.newS3Url("bench-" + name.toLowerCase());
            case "postgres" -> servers.newPostgresUrl("bench_" + name.toLowerCase());
            default -> "file://" + Files.createDirectories(project.resolve(".ivsstack"));
        });
        return env;
    }
}
