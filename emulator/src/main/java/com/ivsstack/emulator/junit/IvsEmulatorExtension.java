package com.ivsstack.emulator.junit;

import com.ivsstack.emulator.EmulatorAdmin;
import com.ivsstack.emulator.IvsEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Runs an {@link IvsEmulator} for a test class and hands tests SDK clients pointed at it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();
 *
 * @Test
 * void createChannel_noArguments_returnsStreamKey(IvsClient ivs) { ... }
 * }</pre>
 *
 * <p>The emulator starts before the first test of the class and stops after the last; its state is reset before
 * each test unless {@link Builder#resetBetweenTests(boolean)} says otherwise. Clients use region us-west-2, static
 * test credentials and the URL-connection HTTP client. Test methods may take {@link IvsClient},
 * {@link IvsRealTimeClient}, {@link IvsEmulator} and {@link EmulatorAdmin} parameters.
 * {@code @ExtendWith(IvsEmulatorExtension.class)} works too, with the defaults.
 */
public final class IvsEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    public static final Region REGION = Region.US_WEST_2;

    private final IvsEmulator.Builder emulatorOptions;
    private final boolean resetBetweenTests;
    private IvsEmulator emulator;
    private IvsClient ivsClient;
    private IvsRealTimeClient realTimeClient;
    private boolean classLevel;

    /** For {@code @ExtendWith}: the defaults of {@link #create()}. */
    public IvsEmulatorExtension() {
        this(builder());
    }

    private IvsEmulatorExtension(Builder builder) {
        this.emulatorOptions = builder.emulator;
        this.resetBetweenTests = builder.resetBetweenTests;
    }

    /** An emulator on a free port, recording configurations ACTIVE after 50 ms, reset before every test. */
    public static IvsEmulatorExtension create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public IvsEmulator emulator() {
        requireStarted();
        return emulator;
    }

    public IvsClient ivsClient() {
        requireStarted();
        return ivsClient;
    }

    public IvsRealTimeClient realTimeClient() {
        requireStarted();
        return realTimeClient;
    }

    /** The admin API of the emulator: simulated streams, participants and encoders, faults, counters. */
    public EmulatorAdmin admin() {
        requireStarted();
        return emulator.admin();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classLevel = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!classLevel && emulator == null) {
            // registered on an instance field: live for this test only, closed when the test's context closes
            context.getStore(ExtensionContext.Namespace.create(IvsEmulatorExtension.class, this))
                    .put("emulator", (AutoCloseable) this::stop);
        }
        start();
        if (resetBetweenTests) {
            emulator.admin().reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private synchronized void stop() {
        if (emulator != null) {
            ivsClient.close();
            realTimeClient.close();
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == IvsClient.class || type == IvsRealTimeClient.class || type == IvsEmulator.class
                || type == EmulatorAdmin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        start();
        Class<?> type = parameter.getParameter().getType();
        if (type == IvsClient.class) {
            return ivsClient;
        }
        if (type == IvsRealTimeClient.class) {
            return realTimeClient;
        }
        if (type == IvsEmulator.class) {
            return emulator;
        }
        if (type == EmulatorAdmin.class) {
            return emulator.admin();
        }
        throw new ParameterResolutionException("IvsEmulatorExtension cannot supply a " + type.getName());
    }

    private synchronized void start() {
        if (emulator != null) {
            return;
        }
        emulator = emulatorOptions.build().start();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));
        ivsClient = IvsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        realTimeClient = IvsRealTimeClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private void requireStarted() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator starts before the first test; register the extension "
                    + "with @RegisterExtension on a static field and use it from tests, not from static initializers");
        }
    }

    /** Options of the extension: those of the emulator, and whether state is reset between tests. */
    public static final class Builder {
        private final IvsEmulator.Builder emulator = IvsEmulator.builder()
                .recordingConfigurationActivationDelay(Duration.ofMillis(50));
        private boolean resetBetweenTests = true;

        private Builder() {
        }

        public Builder accountId(String accountId) {
            emulator.accountId(accountId);
            return this;
        }

        public Builder quotasEnabled(boolean enabled) {
            emulator.quotasEnabled(enabled);
            return this;
        }

        public Builder recordingConfigurationActivationDelay(Duration delay) {
            emulator.recordingConfigurationActivationDelay(delay);
            return this;
        }

        public Builder dataFile(Path file) {
            emulator.dataFile(file);
            return this;
        }

        public Builder port(int port) {
            emulator.port(port);
            return this;
        }

        /** Whether every test starts from an empty emulator (the default), or sees what earlier tests left. */
        public Builder resetBetweenTests(boolean reset) {
            this.resetBetweenTests = reset;
            return this;
        }

        public IvsEmulatorExtension build() {
            return new IvsEmulatorExtension(this);
        }
    }
}
