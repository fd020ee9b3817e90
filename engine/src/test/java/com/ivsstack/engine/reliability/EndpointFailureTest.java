package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.state.ResourceState;
import com.ivsstack.engine.state.Snapshot;
import com.ivsstack.engine.testing.CliRunner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * Issue 17, items 3, 4 and 9: with the endpoint failing or down, nothing is reported as a success. A refresh that
 * cannot read fails (and so does the drift gate); summaries count only what was done and show failures as
 * failures; import --all-owned gives the same network advice as every other command.
 */
class EndpointFailureTest {
    /** Few retries: the faults here never go away, and each retry waits. */
    private static final String FEW_RETRIES = "  ivs:maxRetries: 1\n";
    private static final List<String> MUTATIONS = List.of("CreateChannel", "CreateStreamKey",
            "CreateRecordingConfiguration", "UpdateChannel", "DeleteChannel", "DeleteStreamKey",
            "DeleteRecordingConfiguration", "TagResource", "UntagResource");

    @TempDir
    Path dir;

    @Test
    void refresh_everyCallFailing_failsNamingTheResources_andNeitherDriftGatePasses() throws Exception {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start()) {
            FlagshipStack stack = new FlagshipStack(dir, emulator.endpoint(), 1, "dev", FEW_RETRIES);
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            Snapshot before = stack.state();
            emulator.admin().resetRequestCounts();

            emulator.admin().injectFault(FaultRule.internalError(FaultRule.ANY_OPERATION));
            CliRunner.Run refresh = stack.run("refresh");
            CliRunner.Run gate = stack.run("preview", "--refresh", "--expect-no-changes");
            CliRunner.Run up = stack.run("up", "--refresh", "--yes");
            emulator.admin().clearFaults();

            assertThat(refresh.exitCode()).as("%s", refresh).isEqualTo(1);
            assertThat(refresh.out()).contains("ivs:index:Channel creator-creator0 **refreshing failed**")
                    .contains("IVS kept failing after every retry").contains("3 failed")
                    .doesNotContain("no resources");
            assertThat(gate.exitCode()).as("a drift gate that could not look fails: %s", gate).isEqualTo(1);
            assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
            assertThat(up.out()).doesNotContain("Updating");
            assertThat(MUTATIONS).allSatisfy(op -> assertThat(emulator.admin().requestCount(op)).as(op).isZero());
            assertThat(stack.state().resources()).as("the state is kept as it was").isEqualTo(before.resources());

            // Each resource once: the stack and its 3 resources, not the refresh's and the program's steps together.
            CliRunner.Run healthy = stack.run("refresh");
            CliRunner.Run refreshedPreview = stack.run("preview", "--refresh", "--expect-no-changes");
            assertThat(healthy.exitCode()).isZero();
            assertThat(summary(healthy)).isEqualTo(Map.of("unchanged", 4));
            assertThat(refreshedPreview.exitCode()).isZero();
            assertThat(summary(refreshedPreview)).isEqualTo(Map.of("unchanged", 4));
        }
    }

    @Test
    void summary_ofRunsWithFailedSteps_countsOnlyWhatWasDone_andTheFailures() throws Exception {
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            FlagshipStack stack = new FlagshipStack(dir, emulator.endpoint(), 3, "dev", FEW_RETRIES);
            emulator.admin().injectFault(FaultRule.error("CreateChannel", "AccessDeniedException").times(1));

            CliRunner.Run up = stack.run("up", "--yes", "--skip-preview");

            assertThat(up.exitCode()).as("%s", up).isEqualTo(1);
            List<ResourceState> created = stack.state().resources().stream().filter(r -> !r.isProvider()).toList();
            assertThat(summary(up)).isEqualTo(Map.of("created", created.size(), "failed", 1));
            assertThat(FlagshipStack.listChannels(ivs)).hasSize((int) created.stream()
                    .filter(r -> r.type().equals("ivs:index:Channel")).count());

            // The update of a live channel fails: it is a failure, not an update.
            emulator.admin().clearFaults();
            assertThat(stack.run("up", "--yes", "--skip-preview").exitCode()).isZero();
            ResourceState channel = stack.state().live("urn:pulumi:dev::streaming-platform::ivs:index:Channel::creator-creator0")
                    .orElseThrow();
            emulator.admin().startStream(channel.id());
            Files.writeString(stack.directory().resolve("Pulumi.dev.yaml"), Files.readString(
                    stack.directory().resolve("Pulumi.dev.yaml")).replaceFirst("latencyMode: LOW", "latencyMode: NORMAL"));

            CliRunner.Run update = stack.run("up", "--yes", "--skip-preview");

            assertThat(update.exitCode()).as("%s", update).isEqualTo(1);
            assertThat(update.out()).contains("~ ivs:index:Channel creator-creator0 **updating failed**");
            // The failed channel's key, which needs the channel's outputs, is not registered by the failing program.
            assertThat(summary(update)).isEqualTo(Map.of("unchanged", 6, "failed", 1));
            assertThat(ivs.getChannel(b -> b.arn(channel.id())).channel().latencyModeAsString()).isEqualTo("LOW");
            assertThat(stack.state().live(channel.urn()).orElseThrow().inputs()).containsEntry("latencyMode", "LOW");
        }
    }

    @Test
    void endpointDown_upDestroyAndImportAllOwned_failWithTheNetworkAdvice_andReportNothingAsDone() throws Exception {
        URI endpoint;
        FlagshipStack deployed;
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start()) {
            endpoint = emulator.endpoint();
            deployed = new FlagshipStack(dir.resolve("deployed"), endpoint, 1, "dev", FEW_RETRIES);
            assertThat(deployed.run("up", "--yes", "--skip-preview").exitCode()).isZero();
        }
        // The endpoint is gone now: every call is refused.
        Snapshot before = deployed.state();
        FlagshipStack fresh = new FlagshipStack(dir.resolve("fresh"), endpoint, 1, "dev", FEW_RETRIES);

        CliRunner.Run up = fresh.run("up", "--yes", "--skip-preview");
        CliRunner.Run destroy = deployed.run("destroy", "--yes");
        Files.move(deployed.stateFile(), dir.resolve("lost.json"));
        Files.delete(deployed.stateFile().resolveSibling("dev.json.bak"));
        CliRunner.Run imported = deployed.run("import", "--all-owned");

        for (CliRunner.Run run : List.of(up, destroy, imported)) {
            assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
            assertThat(run.out() + run.err()).contains("Check the network and the provider's endpoint setting")
                    .doesNotContain("internal error").doesNotContain("please report").doesNotContain("\tat ");
        }
        assertThat(summary(up)).as("only the stack resource was created").isEqualTo(Map.of("created", 1, "failed", 1));
        assertThat(fresh.state().resources()).filteredOn(r -> !r.isProvider()).singleElement()
                .extracting(ResourceState::type).isEqualTo("pulumi:pulumi:Stack");
        assertThat(destroy.out()).contains("nothing was deleted");
        assertThat(summary(destroy)).isEmpty();
        assertThat(Files.readString(dir.resolve("lost.json"))).as("destroy kept every resource")
                .contains(before.resources().stream().filter(ResourceState::custom).map(ResourceState::id).toList()
                        .toArray(String[]::new));
        assertThat(imported.out()).doesNotContain("created").doesNotContain("imported");
        assertThat(deployed.state().resources()).as("a failed import adopts nothing").allMatch(ResourceState::isProvider);
    }

    /** The counts of the last "Resources:" section of a run's output, by word (created, failed, unchanged, ...). */
    static Map<String, Integer> summary(CliRunner.Run run) {
        String out = run.out();
        String section = out.substring(out.lastIndexOf("Resources:"), out.indexOf("Duration:", out.lastIndexOf("Resources:")));
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(?:[-+~=]+ )?(\\d+) (?:to )?(\\w+(?: original)?)\\s*$").matcher(section);
        while (m.find()) {
            counts.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        return counts;
    }
}
