package com.ivsstack.provider;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.aws.RateLimiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Providers for tests: configured against the emulator, unpaced, polling fast, with a log that tests can read. */
public final class TestProviders {

    private TestProviders() {
    }

    /** A log that keeps every message. */
    public static final class RecordingLog implements ProviderLog {
        private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void log(Severity severity, String urn, String message) {
            messages.add(severity + " " + message);
        }

        public List<String> messages() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        public List<String> warnings() {
            return messages().stream().filter(m -> m.startsWith("WARNING ")).toList();
        }
    }

    public static IvsProvider against(IvsEmulatorExtension emulator, ProviderLog log, Map<String, Object> extraConfig) {
        return against(emulator, log, extraConfig, RateLimiter.unlimited());
    }

    public static IvsProvider against(IvsEmulatorExtension emulator, ProviderLog log, Map<String, Object> extraConfig,
                                      RateLimiter rateLimiter) {
        var provider = IvsProvider.builder().log(log).rateLimiter(rateLimiter).pollInterval(Duration.ofMillis(20)).build();
        var config = new LinkedHashMap<String, Object>();
        config.put("endpoint", emulator.emulator().endpoint().toString());
        config.put("region", IvsEmulatorExtension.REGION.id());
        config.put("maxRetries", "3");
        config.putAll(extraConfig);
        provider.configure(config);
        return provider;
    }

    public static String urn(String type, String name) {
        return "urn:pulumi:test::ivs-tests::" + type + "::" + name;
    }
}
