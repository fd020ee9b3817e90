package com.ivsstack.provider;

import com.ivsstack.provider.api.MissingConfigurationException;
import com.ivsstack.provider.aws.AwsEnvironment;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderLog;
import com.ivsstack.pulumi.value.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProviderConfigTest {

    @Test
    void from_stackConfigStrings_parsesTypedValues() {
        var config = ProviderConfig.from(Map.of("region", "eu-west-1", "endpoint", "http://127.0.0.1:4566",
                "defaultTags", "{\"team\":\"video\"}", "detachRecordingConfigurations", "false",
                "stopLiveStreams", "true", "disconnectParticipants", "true", "maxRetries", "7", "accessKey", new Secret("AKIA"),
                "secretKey", new Secret("s")));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.defaultTags()).isEqualTo(Map.of("team", "video"));
        assertThat(config.detachRecordingConfigurations()).isFalse();
        assertThat(config.stopLiveStreams()).isTrue();
        assertThat(config.disconnectParticipants()).isTrue();
        assertThat(config.maxRetries()).isEqualTo(7);
        assertThat(config.endpointIsLoopback()).isTrue();
        assertThat(config.toString()).doesNotContain("AKIA").contains("static");
    }

    @Test
    void from_nothing_givesDocumentedDefaults() {
        var config = ProviderConfig.from(Map.of());
        assertThat(config.detachRecordingConfigurations()).isTrue();
        assertThat(config.stopLiveStreams()).isFalse();
        assertThat(config.disconnectParticipants()).isFalse();
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
                arguments(Map.of("disconnectParticipants", "sometimes"), "disconnectParticipants", "boolean"),
                arguments(Map.of("defaultTags", "[1]"), "defaultTags", "map"),
                arguments(Map.of("defaultTags", Map.of("cost center", "a#b")), "defaultTags[\"cost center\"]",
                        "tag value \"a#b\" is not valid: tag keys and values have only letters, spaces, digits"),
                arguments(Map.of("defaultTags", "{\"aws:team\":\"video\"}"), "defaultTags[\"aws:team\"]",
                        "the aws: prefix is reserved by AWS"));
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
        try (var provider = providerWith(EMPTY_ENVIRONMENT)) {
            provider.configure(Map.of("endpoint", "http://127.0.0.1:1", "version", "0.1.0"));
            assertThat(provider.config().endpointIsLoopback()).isTrue();
        }
    }

    @Test
    void configure_noRegionAnywhere_isMissingConfiguration() {
        try (var provider = providerWith(EMPTY_ENVIRONMENT)) {
            assertThatThrownBy(() -> provider.configure(Map.of("profile", "no-such-profile-for-tests")))
                    .isInstanceOf(MissingConfigurationException.class)
                    .satisfies(e -> assertThat(((MissingConfigurationException) e).missingKeys())
                            .extracting(MissingConfigurationException.MissingKey::name)
                            .as("every missing key at once").containsExactly("region", "profile"));
        }
    }

    static Stream<Arguments> regionSources() {
        return Stream.of(
                arguments("AWS_REGION", AwsEnvironment.of(Map.of("AWS_REGION", "eu-west-1"), Map.of(), profiles(""), false), null),
                arguments("AWS_DEFAULT_REGION", AwsEnvironment.of(Map.of("AWS_DEFAULT_REGION", "eu-west-1"), Map.of(),
                        profiles(""), false), null),
                arguments("aws.region", AwsEnvironment.of(Map.of(), Map.of("aws.region", "eu-west-1"), profiles(""), false), null),
                arguments("the default profile", AwsEnvironment.of(Map.of(), Map.of(),
                        profiles("[default]\nregion = eu-west-1\n"), false), null),
                arguments("the configured profile", AwsEnvironment.of(Map.of(), Map.of(),
                        profiles("[default]\nregion = us-east-2\n[dev]\nregion = eu-west-1\n"), false), "dev"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regionSources")
    void awsEnvironment_regionFromTheDefaultChain_isFoundWithoutCallingAws(String source, AwsEnvironment environment,
                                                                            String profile) {
        assertThat(environment.region(profile)).contains("eu-west-1");
    }

    // ---- credentials at configure (never from this machine: fixed sources) -----------------------------------

    private static final AwsEnvironment EMPTY_ENVIRONMENT = AwsEnvironment.of(Map.of(), Map.of(), profiles(""), false);

    private static ProfileFile profiles(String credentialsFile) {
        return ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build();
    }

    private static IvsProvider providerWith(AwsEnvironment sources) {
        return IvsProvider.builder().awsEnvironment(sources).build();
    }

    @Test
    void configure_awsEndpointAndNoCredentialsAnywhere_isMissingAccessKeyAndSecretKeyWithTheFix() {
        try (var provider = providerWith(EMPTY_ENVIRONMENT)) {
            var failure = catchThrowableOfType(() -> provider.configure(Map.of("region", "us-west-2")),
                    MissingConfigurationException.class);
            assertThat(failure.missingKeys()).extracting(MissingConfigurationException.MissingKey::name)
                    .containsExactly("accessKey", "secretKey");
            assertThat(failure.missingKeys().get(0).description()).contains("no AWS credentials were found")
                    .contains("AWS_ACCESS_KEY_ID").contains("ivs:accessKey and ivs:secretKey").contains("ivs:profile");
            assertThat(failure.getMessage()).contains("accessKey (").contains("secretKey (");
        }
    }

    @Test
    void configure_profileThatDoesNotExist_isMissingProfile() {
        try (var provider = providerWith(EMPTY_ENVIRONMENT)) {
            var failure = catchThrowableOfType(() -> provider.configure(Map.of("region", "us-west-2", "profile", "dev")),
                    MissingConfigurationException.class);
            assertThat(failure.missingKeys()).singleElement().satisfies(key -> {
                assertThat(key.name()).isEqualTo("profile");
                assertThat(key.description()).contains("\"dev\" is not in the AWS config or credentials file")
                        .contains("aws configure --profile dev");
            });
        }
    }

    @Test
    void configure_profileWithoutCredentials_isMissingProfileSayingWhatItLacks() {
        var sources = AwsEnvironment.of(Map.of(), Map.of(), profiles("[dev]\nregion = us-west-2\n"), false);
        try (var provider = providerWith(sources)) {
            var failure = catchThrowableOfType(() -> provider.configure(Map.of("region", "us-west-2", "profile", "dev")),
                    MissingConfigurationException.class);
            assertThat(failure.missingKeys()).singleElement().satisfies(key -> {
                assertThat(key.name()).isEqualTo("profile");
                assertThat(key.description()).contains("\"dev\" has no credentials");
            });
        }
    }

    static Stream<Arguments> credentialSources() {
        return Stream.of(
                arguments("environment keys", AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA",
                        "AWS_SECRET_ACCESS_KEY", "s"), Map.of(), profiles(""), false), Map.of()),
                arguments("system properties", AwsEnvironment.of(Map.of(), Map.of("aws.accessKeyId", "AKIA",
                        "aws.secretAccessKey", "s"), profiles(""), false), Map.of()),
                arguments("web identity", AwsEnvironment.of(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/token",
                        "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/deploy"), Map.of(), profiles(""), false), Map.of()),
                arguments("default profile keys", AwsEnvironment.of(Map.of(), Map.of(),
                        profiles("[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n"), false), Map.of()),
                arguments("AWS_PROFILE with a role", AwsEnvironment.of(Map.of("AWS_PROFILE", "ops"), Map.of(),
                        profiles("[ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = base\n"), false), Map.of()),
                arguments("configured profile with a credential process", AwsEnvironment.of(Map.of(), Map.of(),
                        profiles("[dev]\ncredential_process = /bin/creds\n"), false), Map.of("profile", "dev")),
                arguments("container role", AwsEnvironment.of(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/creds"),
                        Map.of(), profiles(""), false), Map.of()),
                arguments("instance role", AwsEnvironment.of(Map.of(), Map.of(), profiles(""), true), Map.of()),
                arguments("static keys in the config", EMPTY_ENVIRONMENT, Map.of("accessKey", new Secret("AKIA"),
                        "secretKey", new Secret("s"))),
                arguments("loopback endpoint", EMPTY_ENVIRONMENT, Map.of("endpoint", "http://127.0.0.1:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialSources")
    void configure_credentialsFromAnySourceOfTheChain_succeedsWithoutCallingAws(String source, AwsEnvironment sources,
                                                                               Map<String, Object> extra) {
        var config = new java.util.LinkedHashMap<String, Object>(Map.of("region", "us-west-2"));
        config.putAll(extra);
        try (var provider = providerWith(sources)) {
            provider.configure(config);
            assertThat(provider.config().region()).isEqualTo("us-west-2");
        }
    }

    @ParameterizedTest(name = "{0} alone")
    @MethodSource("halfAKeyPair")
    void configure_halfAKeyPair_isContradictoryNamingBothKeys(String given, Map<String, Object> config) {
        try (var provider = providerWith(EMPTY_ENVIRONMENT)) {
            assertThatThrownBy(() -> provider.configure(config))
                    .isInstanceOf(ProviderException.class)
                    .isNotInstanceOf(MissingConfigurationException.class)
                    .hasMessageContaining("accessKey and secretKey go together")
                    .hasMessageContaining(given + " is set but");
        }
    }

    static Stream<Arguments> halfAKeyPair() {
        return Stream.of(
                arguments("accessKey", Map.of("region", "us-west-2", "accessKey", new Secret("AKIA"))),
                arguments("secretKey", Map.of("region", "us-west-2", "secretKey", new Secret("s"))));
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
