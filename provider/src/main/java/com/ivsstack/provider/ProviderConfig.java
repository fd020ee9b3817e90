package com.ivsstack.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.ivsstack.provider.api.CheckFailure;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.provider.resource.TagRules;
import com.ivsstack.pulumi.value.StreamingJson;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's configuration, from the bare config keys of schema.json ({@code region}, {@code endpoint}, ...).
 * Values may arrive as the engine sends stack config: strings for booleans and numbers, JSON text for maps.
 *
 * @param region the AWS region, or null to take it from the AWS environment and profile chain
 * @param endpoint one URL for IVS and IVS RealTime (the local endpoint), or null for AWS itself
 */
public record ProviderConfig(String region, String profile, String accessKey, String secretKey, String token,
                             URI endpoint, Map<String, String> defaultTags, boolean detachRecordingConfigurations,
                             boolean stopLiveStreams, boolean disconnectParticipants, int maxRetries) {

    public static final int DEFAULT_MAX_RETRIES = 5;

    public ProviderConfig {
        defaultTags = Map.copyOf(defaultTags == null ? Map.of() : defaultTags);
    }

    /** The configuration with every default, as when nothing is configured. */
    public static ProviderConfig defaults() {
        return new ProviderConfig(null, null, null, null, null, null, Map.of(), true, false, false, DEFAULT_MAX_RETRIES);
    }

    /**
     * Reads and validates the configuration.
     *
     * @throws ProviderException naming every key that is malformed or contradicts another
     */
    public static ProviderConfig from(Map<String, Object> config) {
        var failures = validate(config);
        if (!failures.isEmpty()) {
            throw new ProviderException("invalid provider configuration: " + String.join("; ",
                    failures.stream().map(f -> f.property() + ": " + f.reason()).toList()));
        }
        return new ProviderConfig(text(config, "region"), text(config, "profile"), text(config, "accessKey"),
                text(config, "secretKey"), text(config, "token"), uri(text(config, "endpoint")),
                tags(config.get("defaultTags")), bool(config, "detachRecordingConfigurations", true),
                bool(config, "stopLiveStreams", false), bool(config, "disconnectParticipants", false),
                integer(config, "maxRetries", DEFAULT_MAX_RETRIES));
    }

    /** Every problem with the configuration, each naming the key, the value (never a secret) and the rule. */
    public static List<CheckFailure> validate(Map<String, Object> config) {
        var failures = new ArrayList<CheckFailure>();
        String accessKey = text(config, "accessKey");
        String secretKey = text(config, "secretKey");
        String token = text(config, "token");
        if ((accessKey == null) != (secretKey == null)) {
            String given = accessKey == null ? "secretKey" : "accessKey";
            String absent = accessKey == null ? "accessKey" : "secretKey";
            failures.add(new CheckFailure(absent, "accessKey and secretKey go together: " + given + " is set but "
                    + absent + " is not; give both, or neither to use the default AWS credential chain"));
        }
        if (token != null && accessKey == null) {
            failures.add(new CheckFailure("token", "a session token needs accessKey and secretKey as well"));
        }
        if (accessKey != null && text(config, "profile") != null) {
            failures.add(new CheckFailure("profile", "give either a profile or accessKey/secretKey, not both"));
        }
        String region = text(config, "region");
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            failures.add(new CheckFailure("region", "\"" + region + "\" is not an AWS region name such as us-west-2"));
        }
        String endpoint = text(config, "endpoint");
        if (endpoint != null) {
            try {
                var uri = new URI(endpoint);
                if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    failures.add(new CheckFailure("endpoint", "\"" + endpoint
                            + "\" is not an http(s) URL such as http://127.0.0.1:4566"));
                }
            } catch (URISyntaxException | NullPointerException e) {
                failures.add(new CheckFailure("endpoint", "\"" + endpoint + "\" is not a URL such as http://127.0.0.1:4566"));
            }
        }
        for (String key : List.of("detachRecordingConfigurations", "stopLiveStreams", "disconnectParticipants")) {
            Object value = Secret.unwrap(config.get(key));
            if (value != null && !(value instanceof Boolean) && !(value instanceof String s && s.matches("true|false"))) {
                failures.add(new CheckFailure(key, value + " is not a boolean (true or false)"));
            }
        }
        Object retries = Secret.unwrap(config.get("maxRetries"));
        if (retries != null) {
            Integer parsed = parseInteger(retries);
            if (parsed == null || parsed < 0 || parsed > 100) {
                failures.add(new CheckFailure("maxRetries", retries + " is not valid: must be an integer from 0 to 100"));
            }
        }
        try {
            var tags = tags(config.get("defaultTags"));
            // the rules of every resource's tags, so that a bad default fails here and not at each resource's check
            failures.addAll(TagRules.check("defaultTags", config.get("defaultTags") instanceof Secret ? new Secret(tags) : tags));
        } catch (IllegalArgumentException e) {
            failures.add(new CheckFailure("defaultTags", e.getMessage()));
        }
        return failures;
    }

    /** Whether the endpoint is on this machine: the local IVS endpoint, which ignores signatures. */
    public boolean endpointIsLoopback() {
        if (endpoint == null) {
            return false;
        }
        String host = endpoint.getHost();
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    public boolean hasStaticCredentials() {
        return accessKey != null && secretKey != null;
    }

    /** Never shows credentials. */
    @Override
    public String toString() {
        return "ProviderConfig[region=" + region + ", profile=" + profile + ", endpoint=" + endpoint
                + ", credentials=" + (hasStaticCredentials() ? "static" : "default chain") + ", defaultTags=" + defaultTags
                + ", detachRecordingConfigurations=" + detachRecordingConfigurations + ", stopLiveStreams="
                + stopLiveStreams + ", disconnectParticipants=" + disconnectParticipants + ", maxRetries=" + maxRetries + "]";
    }

    private static String text(Map<String, Object> config, String key) {
        Object value = Secret.unwrap(config.get(key));
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean bool(Map<String, Object> config, String key, boolean fallback) {
        Object value = Secret.unwrap(config.get(key));
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s && !s.isBlank() ? Boolean.parseBoolean(s.strip()) : fallback;
    }

    private static int integer(Map<String, Object> config, String key, int fallback) {
        Object value = Secret.unwrap(config.get(key));
        Integer parsed = value == null ? null : parseInteger(value);
        return parsed == null ? fallback : parsed;
    }

    private static Integer parseInteger(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.strip().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        return null;
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }

    private static Map<String, String> tags(Object raw) {
        Object value = Secret.unwrap(raw);
        if (value == null || value instanceof String s && s.isBlank()) {
            return Map.of();
        }
        if (value instanceof String json) {
            try {
                value = StreamingJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
            } catch (Exception e) {
                throw new IllegalArgumentException("not a map of tags (JSON object of strings): " + e.getMessage());
            }
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be a map of tag keys to tag values");
        }
        var result = new LinkedHashMap<String, String>();
        for (var entry : map.entrySet()) {
            Object tagValue = Secret.unwrap(entry.getValue());
            if (!(tagValue instanceof String s)) {
                throw new IllegalArgumentException("the value of tag \"" + entry.getKey() + "\" must be a string");
            }
            result.put(String.valueOf(entry.getKey()), s);
        }
        return result;
    }
}
