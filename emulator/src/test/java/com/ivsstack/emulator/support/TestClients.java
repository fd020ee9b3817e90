package com.ivsstack.emulator.support;

import com.ivsstack.emulator.IvsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/** SDK clients for tests that must see the first answer (no retries) or use another region. */
public final class TestClients {
    private TestClients() {
    }

    public static IvsClient ivsWithoutRetries(IvsEmulator emulator) {
        return IvsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static IvsRealTimeClient realTimeWithoutRetries(IvsEmulator emulator) {
        return IvsRealTimeClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static IvsClient ivs(IvsEmulator emulator, Region region) {
        return IvsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
