package com.ivsstack.provider;

import com.ivsstack.provider.api.MissingConfigurationException;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.provider.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProviderConfigTest {

    @Test
    void from_stackConfigStrings_parsesTypedValues() {
        var config = ProviderConfig.from(Map.of("region", "eu-west-1", "endpoint", "http://127.0.0.1:4566",
                "defaultTags", "{\"team\":\"video\"}", "detachRecordingConfigurations", "false",
                "stopLiveStreams", "true", "maxRetries", "7", "accessKey", new Secret("AKIA"), "secretKey", new Secret("s")));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.defaultTags()).isEqualTo(Map.of("team", "video"));
        assertThat(config.detachRecordingConfigurations()).isFalse();
        assertThat(config.stopLiveStreams()).isTrue();
        assertThat(config.maxRetries()).isEqualTo(7);
        assertThat(config.endpointIsLoopback()).isTrue();
        assertThat(config.toString()).doesNotContain("AKIA").contains("static");
    }

    @Test
    void from_nothing_givesDocumentedDefaults() {
        var config = ProviderConfig.from(Map.of());
        assertThat(config.detachRecordingConfigurations()).isTrue();
        assertThat(config.stopLiveStreams()).isFalse();
        assertThat(config.maxRetries()).isEqualTo(ProviderConfig.DEFAULT_MAX_RETRIES);
        assertThat(config.endpoint()).isNull();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(Map.of("accessKey", "AKIA"), "secretKey", "go together"),
                arguments(Map.of("secretKey", "s"), "accessKey", "go together"),
                arguments(Map.of("token", "t"), "token", "needs accessKey"),
                arguments(Map.of("accessKey", "a", "secretKey", "s", "profile", "dev"), "profile", "not both"),
                arguments(Map.of("region", "Mars"), "region", "not an AWS region"),
                arguments(Map.of("endpoint", "localhost:4566"), "endpoint", "http(s) URL"),
                arguments(Map.of("maxRetries", "-1"), "maxRetries", "0 to 100"),
                arguments(Map.of("stopLiveStreams", "yes"), "stopLiveStreams", "boolean"),
                arguments(Map.of("defaultTags", "[1]"), "defaultTags", "map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void checkConfig_contradictoryOrMalformed_failsNamingTheKey(Map<String, Object> config, String key, String reason) {
        var result = new IvsProvider(ProviderLog.NONE).checkConfig(Map.of(), config);
        assertThat(result.failures()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(key);
            assertThat(f.reason()).contains(reason);
        });
        assertThatThrownBy(() -> ProviderConfig.from(config)).isInstanceOf(ProviderException.class).hasMessageContaining(key);
    }

    @Test
    void checkConfig_valid_appliesDefaultsAndKeepsEngineVersion() {
        var result = new IvsProvider(ProviderLog.NONE).checkConfig(Map.of(), Map.of("region", "us-west-2", "version", "0.1.0"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.inputs()).containsEntry("detachRecordingConfigurations", true)
                .containsEntry("stopLiveStreams", false).containsEntry("version", "0.1.0");
    }

    @Test
    void checkConfig_defaultTagsAsStackConfigJson_isAcceptedAsAMap() {
        var result = new IvsProvider(ProviderLog.NONE).checkConfig(Map.of(),
                Map.of("region", "us-west-2", "defaultTags", "{\"team\":\"video\"}", "maxRetries", "3"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.inputs()).containsEntry("defaultTags", Map.of("team", "video")).containsEntry("maxRetries", 3L);
    }

    @Test
    void diffConfig_regionChange_replacesButTagsUpdate() {
        var provider = new IvsProvider(ProviderLog.NONE);
        var diff = provider.diffConfig(Map.of("region", "us-west-2"), Map.of(), Map.of("region", "eu-west-1"));
        assertThat(diff.detailedDiff()).containsEntry("region", PropertyDiff.of(PropertyDiff.Kind.UPDATE_REPLACE));
        var tags = provider.diffConfig(Map.of("region", "us-west-2"), Map.of(),
                Map.of("region", "us-west-2", "defaultTags", Map.of("a", "b")));
        assertThat(tags.requiresReplacement()).isFalse();
        assertThat(tags.hasChanges()).isTrue();
    }

    @Test
    void configure_loopbackEndpointWithoutRegionOrCredentials_usesLocalDefaults() {
        try (var provider = new IvsProvider(ProviderLog.NONE)) {
            provider.configure(Map.of("endpoint", "http://127.0.0.1:1", "version", "0.1.0"));
            assertThat(provider.config().endpointIsLoopback()).isTrue();
        }
    }

    @Test
    void configure_noRegionAnywhere_isMissingConfiguration() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "the environment names a region");
        try (var provider = new IvsProvider(ProviderLog.NONE)) {
            assertThatThrownBy(() -> provider.configure(Map.of("profile", "no-such-profile-for-tests")))
                    .isInstanceOf(MissingConfigurationException.class)
                    .satisfies(e -> assertThat(((MissingConfigurationException) e).missingKeys())
                            .anyMatch(k -> k.name().equals("region")));
        }
    }

    @Test
    void newProvider_beforeConfigure_hasNoAwsClientAndSaysSo() {
        var provider = new IvsProvider(ProviderLog.NONE);
        var channel = provider.resource("ivs:index:Channel").orElseThrow();
        assertThatThrownBy(() -> channel.read(new com.ivsstack.provider.api.ReadRequest(
                "arn:aws:ivs:us-west-2:123456789012:channel/abc", "urn", Map.of(), Map.of())))
                .isInstanceOf(ProviderException.class).hasMessageContaining("not configured");
    }
}
