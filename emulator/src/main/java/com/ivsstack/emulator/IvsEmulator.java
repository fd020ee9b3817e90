package com.ivsstack.emulator;

import com.ivsstack.emulator.admin.AdminHttpHandler;
import com.ivsstack.emulator.admin.FaultInjector;
import com.ivsstack.emulator.admin.RateQuotas;
import com.ivsstack.emulator.admin.RequestCounters;
import com.ivsstack.emulator.http.ApiHandler;
import com.ivsstack.emulator.http.EmulatorHttpServer;
import com.ivsstack.emulator.service.EmulatorSettings;
import com.ivsstack.emulator.service.OperationRegistry;
import com.ivsstack.emulator.service.ServiceCatalog;
import com.ivsstack.emulator.store.EmulatorStore;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A local Amazon IVS and IVS RealTime endpoint on one loopback port, speaking the services' wire protocol so the
 * AWS SDKs and the AWS CLI work against it unchanged.
 *
 * <pre>{@code
 * try (IvsEmulator emulator = IvsEmulator.builder().build().start()) {
 *     IvsClient ivs = IvsClient.builder().endpointOverride(emulator.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class IvsEmulator implements AutoCloseable {
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private final Builder options;
    private final EmulatorStore store;
    private final FaultInjector faults = new FaultInjector();
    private final RateQuotas quotas;
    private final RequestCounters counters = new RequestCounters();
    private final OperationRegistry registry;
    private final ServiceCatalog services;
    private final EmulatorAdmin admin;
    private volatile EmulatorSettings settings;
    private EmulatorHttpServer server;

    private IvsEmulator(Builder options) {
        this.options = options;
        this.store = new EmulatorStore(options.dataFile);
        this.quotas = new RateQuotas(options.quotasEnabled);
        this.settings = new EmulatorSettings(options.activationDelay, options.maxPlaybackKeyPairs,
                options.maxEncoderConfigurations, options.maxStages, options.maxIngestConfigurations,
                options.maxPublicKeys);
        this.services = new ServiceCatalog();
        this.registry = services.registry();
        this.admin = new EmulatorAdmin(store, services, faults, quotas, counters, () -> settings,
                options.accountId, options.quotasEnabled);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this. */
    public synchronized IvsEmulator start() {
        if (server != null) {
            throw new IllegalStateException("the emulator is already started on port " + port());
        }
        ApiHandler api = new ApiHandler(registry, store, () -> settings, options.accountId, faults, quotas, counters);
        server = EmulatorHttpServer.start(options.bindAddress, options.port, api, new AdminHttpHandler(admin));
        return this;
    }

    /** The bound port (the actual one when built with port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not started: call start() first");
        }
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override for both the IVS and the IVS RealTime client. */
    public URI endpoint() {
        return URI.create("http://" + options.bindAddress.getHostAddress() + ":" + port());
    }

    public String accountId() {
        return options.accountId;
    }

    public EmulatorAdmin admin() {
        return admin;
    }

    /** Changes how long new recording configurations stay CREATING (and compositions STARTING). */
    public void setActivationDelay(Duration delay) {
        settings = settings.withActivationDelay(Objects.requireNonNull(delay));
    }

    /** Stops serving. The state stays in the data file, if one was given. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Options of an emulator; every one has a default. */
    public static final class Builder {
        private int port;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String accountId = DEFAULT_ACCOUNT_ID;
        private Path dataFile;
        private boolean quotasEnabled;
        private Duration activationDelay = Duration.ofSeconds(2);
        private int maxPlaybackKeyPairs = 3;
        private int maxEncoderConfigurations = 20;
        private int maxStages = 1000;
        private int maxIngestConfigurations = 100;
        private int maxPublicKeys = 3;

        private Builder() {
        }

        /** The TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 (0 = any free port); was " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind; the loopback address by default, so nothing outside this machine reaches it. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** The account id in every ARN; 123456789012 by default. */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, like 123456789012; was " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** Keep the state in this JSON file: loaded at build, rewritten atomically after every change. */
        public Builder dataFile(Path file) {
            this.dataFile = file;
            return this;
        }

        /** Enforce the documented per-operation TPS quotas (429 ThrottlingException above them); off by default. */
        public Builder quotasEnabled(boolean enabled) {
            this.quotasEnabled = enabled;
            return this;
        }

        /** How long a new recording configuration stays CREATING before ACTIVE; 2 seconds by default. */
        public Builder recordingConfigurationActivationDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("the activation delay must be zero or positive; was " + delay);
            }
            this.activationDelay = delay;
            return this;
        }

        /** Playback key pairs per account and region (AWS: 3); more fail with 402 ServiceQuotaExceededException. */
        public Builder maxPlaybackKeyPairs(int max) {
            this.maxPlaybackKeyPairs = max;
            return this;
        }

        /** RealTime encoder configurations per account and region (AWS: 20). */
        public Builder maxEncoderConfigurations(int max) {
            this.maxEncoderConfigurations = max;
            return this;
        }

        /** RealTime stages per account and region (AWS: 1,000). */
        public Builder maxStages(int max) {
            this.maxStages = max;
            return this;
        }

        /** RealTime ingest configurations per account and region (AWS: 100). */
        public Builder maxIngestConfigurations(int max) {
            this.maxIngestConfigurations = max;
            return this;
        }

        /** RealTime public keys per account and region (AWS: 3, not adjustable). */
        public Builder maxPublicKeys(int max) {
            this.maxPublicKeys = max;
            return this;
        }

        public IvsEmulator build() {
            return new IvsEmulator(this);
        }
    }
}
