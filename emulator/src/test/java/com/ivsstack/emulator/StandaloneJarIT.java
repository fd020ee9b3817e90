package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** The shaded jar, started as users start it, serves both services on one port and keeps its data file. */
class StandaloneJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    /** A running jar and the port it printed. */
    private record Running(Process process, int port) implements AutoCloseable {
        URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Running start(String... options) throws Exception {
        Path jar = Paths.get(System.getProperty("standaloneJar", "target/ivs-emulator-0.1.0-standalone.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("first line of the jar's output").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return new Running(process, Integer.parseInt(m.group(1)));
    }

    @Test
    void standaloneJar_servesBothServicesOnOnePort() throws Exception {
        try (Running jar = start("--account-id", "111122223333");
             IvsClient ivs = ivs(jar.endpoint());
             IvsRealTimeClient rt = realTime(jar.endpoint())) {
            String channel = ivs.createChannel(b -> b.name("from-jar")).channel().arn();
            String stage = rt.createStage(b -> b.name("from-jar")).stage().arn();

            assertThat(channel).startsWith("arn:aws:ivs:us-west-2:111122223333:channel/");
            assertThat(ivs.getChannel(b -> b.arn(channel)).channel().name()).isEqualTo("from-jar");
            assertThat(rt.getStage(b -> b.arn(stage)).stage().name()).isEqualTo("from-jar");
            rt.tagResource(b -> b.resourceArn(stage).tags(java.util.Map.of("k", "v")));
            ivs.tagResource(b -> b.resourceArn(channel).tags(java.util.Map.of("k", "v")));
            assertThat(rt.listTagsForResource(b -> b.resourceArn(stage)).tags()).containsEntry("k", "v");
        }
    }

    @Test
    void standaloneJar_dataFile_survivesRestart() throws Exception {
        Path data = dir.resolve("ivs-state.json");
        String channel;
        try (Running jar = start("--data", data.toString()); IvsClient ivs = ivs(jar.endpoint())) {
            channel = ivs.createChannel(b -> b.name("persisted")).channel().arn();
        }
        assertThat(Files.readString(data)).contains(channel);
        try (Running jar = start("--data", data.toString()); IvsClient ivs = ivs(jar.endpoint())) {
            assertThat(ivs.getChannel(b -> b.arn(channel)).channel().name()).isEqualTo("persisted");
        }
    }

    private static IvsClient ivs(URI endpoint) {
        return IvsClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static IvsRealTimeClient realTime(URI endpoint) {
        return IvsRealTimeClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
