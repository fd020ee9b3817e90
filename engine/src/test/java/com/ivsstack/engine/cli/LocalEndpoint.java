package com.ivsstack.engine.cli;

import com.ivsstack.emulator.IvsEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** The local endpoint of a project's --local runs, opened on its data file between runs, with real SDK clients. */
final class LocalEndpoint implements AutoCloseable {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final IvsEmulator emulator;
    private final List<AutoCloseable> clients = new ArrayList<>();

    LocalEndpoint(Path project) {
        emulator = IvsEmulator.builder().port(0)
                .dataFile(project.resolve(".ivsstack").resolve(IvsProviderSetup.LOCAL_ENDPOINT_FILE)).build().start();
    }

    IvsEmulator emulator() {
        return emulator;
    }

    IvsClient ivs(Region region) {
        var client = IvsClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    IvsRealTimeClient realTime(Region region) {
        var client = IvsRealTimeClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        emulator.close();
    }
}
