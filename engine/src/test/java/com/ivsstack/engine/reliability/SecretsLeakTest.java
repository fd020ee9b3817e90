package com.ivsstack.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.emulator.FaultRule;
import com.ivsstack.emulator.IvsEmulator;
import com.ivsstack.engine.secrets.PassphraseCrypter;
import com.ivsstack.engine.testing.CliRunner;
import com.ivsstack.engine.testing.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.StreamKeySummary;

/**
 * Known secrets (every stream key value and SRT passphrase the endpoint generated, an AWS secret key and a config
 * secret given as encrypted stack config) must appear in plain text nowhere: the terminal output of every command,
 * markdown and JSON plans, the logs of the engine and the plugin at their most verbose (the plugin's stderr), error
 * messages of failed runs, the state file and the exported state.
 */
class SecretsLeakTest {
    private static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSEEDEDSECRET";
    private static final String CONFIG_SECRET = "partner-token-5f0c1e9d-seeded-secret";

    @TempDir
    Path dir;

    @Test
    void seededSecrets_appearNowhereInPlainText() throws Exception {
        int creators = 3;
        Map<String, String> scanned = new LinkedHashMap<>();
        try (IvsEmulator emulator = IvsEmulator.builder().port(0).build().start();
             IvsClient ivs = FlagshipStack.client(emulator.endpoint())) {
            PassphraseCrypter crypter = PassphraseCrypter.create(TestProject.PASSPHRASE);
            FlagshipStack stack = new FlagshipStack(dir.resolve("flagship"), emulator.endpoint(), creators, "dev",
                    "  ivs:accessKey: AKIAIOSFODNN7SEEDED\n"
                            + "  ivs:secretKey:\n    secure: " + crypter.encrypt(AWS_SECRET_KEY) + "\n"
                            + "  streaming-platform:partnerToken:\n    secure: " + crypter.encrypt(CONFIG_SECRET) + "\n");
            Path stackFile = stack.directory().resolve("Pulumi.dev.yaml");
            Files.writeString(stackFile, "encryptionsalt: " + crypter.encryptionSalt() + "\n" + Files.readString(stackFile));
            Path plugin = CrashRecoveryTest.pluginLauncher(dir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"
                    + " -Dorg.slf4j.simpleLogger.log.software.amazon.awssdk=debug -Dorg.slf4j.simpleLogger.log.io.grpc=debug");

            // The plugin in its own process with every log level on, the engine too (--debug): both streams captured.
            scanned.put("up --debug --plugin (stdout+stderr, plugin stderr)",
                    runProcess(stack, "up", "--yes", "--diff", "--debug", "--plugin", plugin.toString()));
            List<String> secrets = generatedSecrets(ivs);
            assertThat(secrets).as("stream key values and SRT passphrases").hasSize(2 * creators);
            secrets.add(AWS_SECRET_KEY);
            secrets.add(CONFIG_SECRET);

            scanned.put("preview --diff --debug", text(stack.run("preview", "--diff", "--debug")));
            Files.writeString(stackFile, Files.readString(stackFile).replace("latencyMode: LOW", "latencyMode: NORMAL")
                    .replace("ADVANCED_SD", "STANDARD"));
            scanned.put("preview --format markdown", text(stack.run("preview", "--format", "markdown", "--diff")));
            scanned.put("preview --format json", text(stack.run("preview", "--format", "json", "--diff")));
            scanned.put("up --diff --debug", text(stack.run("up", "--yes", "--skip-preview", "--diff", "--debug")));
            scanned.put("refresh --diff --debug", text(stack.run("refresh", "--yes", "--diff", "--debug")));
            scanned.put("stack output", text(stack.run("stack", "output")));
            scanned.put("stack output --json", text(stack.run("stack", "output", "--json")));
            scanned.put("stack output streamKeys", text(stack.run("stack", "output", "streamKeys")));
            scanned.put("stack export", text(stack.run("stack", "export")));

            // Failed runs: the error messages and exceptions of a provider failure.
            emulator.admin().injectFault(FaultRule.error("UpdateChannel", "AccessDeniedException"),
                    FaultRule.error("BatchGetStreamKey", "AccessDeniedException"),
                    FaultRule.error("GetStreamKey", "AccessDeniedException"));
            Files.writeString(stackFile, Files.readString(stackFile).replace("latencyMode: NORMAL", "latencyMode: LOW"));
            CliRunner.Run failedUp = stack.run("up", "--yes", "--skip-preview", "--debug");
            assertThat(failedUp.exitCode()).as("%s", failedUp).isEqualTo(1);
            assertThat(failedUp.out()).contains("AccessDeniedException");
            scanned.put("failed up --debug", text(failedUp));
            scanned.put("failed refresh --debug", text(stack.run("refresh", "--yes", "--debug")));
            emulator.admin().clearFaults();

            scanned.put("state file", Files.readString(stack.stateFile()));
            scanned.put("destroy --debug --plugin", runProcess(stack, "destroy", "--yes", "--debug", "--plugin", plugin.toString()));
            scanned.put("state file after destroy", Files.readString(stack.stateFile()));

            assertThat(scanned.get("state file")).as("secrets are kept encrypted in the state").contains("ciphertext");
            long bytes = 0;
            for (Map.Entry<String, String> output : scanned.entrySet()) {
                bytes += output.getValue().length();
                for (String secret : secrets) {
                    assertThat(output.getValue()).as("%s leaks a secret", output.getKey()).doesNotContain(secret);
                }
            }
            System.out.printf("SECRETS %d seeded secrets, %d outputs, %d characters scanned: no plain-text occurrence%n",
                    secrets.size(), scanned.size(), bytes);
        }
    }

    /** Every stream key value and SRT passphrase at the endpoint. */
    private static List<String> generatedSecrets(IvsClient ivs) {
        List<String> secrets = new ArrayList<>();
        for (ChannelSummary summary : FlagshipStack.listChannels(ivs)) {
            Channel channel = ivs.getChannel(b -> b.arn(summary.arn())).channel();
            assertThat(channel.srt().passphrase()).isNotBlank();
            secrets.add(channel.srt().passphrase());
            for (StreamKeySummary key : ivs.listStreamKeys(b -> b.channelArn(summary.arn())).streamKeys()) {
                secrets.add(ivs.getStreamKey(b -> b.arn(key.arn())).streamKey().value());
            }
        }
        return secrets;
    }

    private static String text(CliRunner.Run run) {
        return run.out() + "\n" + run.err();
    }

    /** The CLI in its own JVM (the plugin's stderr is inherited by the engine's), stdout and stderr together. */
    private String runProcess(FlagshipStack stack, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process process = stack.process(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s", output).isZero();
        return output;
    }
}
