package com.ivsstack.provider.aws;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the AWS environment of the process offers, in the order of the SDK's default chains, decided at configure
 * without calling AWS: the region, and where the default credential chain would find credentials (system properties,
 * the environment, the shared config and credentials files with static keys, an assumed role, SSO, a credential
 * process or web identity, container credentials, and last whether an instance metadata service answers: one
 * connection attempt of a quarter second, never a credentials request). The inputs are a seam so that tests never
 * depend on the machine they run on.
 */
public final class AwsEnvironment {

    private static final int METADATA_CONNECT_MILLIS = 250;
    private static final List<String> PROFILE_SOURCES = List.of(ProfileProperty.AWS_ACCESS_KEY_ID,
            ProfileProperty.ROLE_ARN, ProfileProperty.CREDENTIAL_PROCESS, ProfileProperty.SSO_START_URL, "sso_session",
            ProfileProperty.WEB_IDENTITY_TOKEN_FILE, ProfileProperty.LOGIN_SESSION);

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final Supplier<ProfileFile> profiles;
    private final BooleanSupplier instanceMetadataAnswers;

    private AwsEnvironment(Function<String, String> environment, Function<String, String> systemProperties,
                              Supplier<ProfileFile> profiles, BooleanSupplier instanceMetadataAnswers) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.profiles = profiles;
        this.instanceMetadataAnswers = instanceMetadataAnswers;
    }

    /** The sources of this process: its environment, system properties, ~/.aws files and the instance metadata. */
    public static AwsEnvironment ofThisProcess() {
        var probe = new AtomicReference<Boolean>();
        return new AwsEnvironment(System::getenv, System::getProperty, ProfileFile::defaultProfileFile,
                () -> probe.updateAndGet(known -> known != null ? known : instanceMetadataAnswers(System.getenv())));
    }

    /** Fixed sources, for tests: nothing is read from the machine. */
    public static AwsEnvironment of(Map<String, String> environment, Map<String, String> systemProperties,
                                       ProfileFile profiles, boolean instanceMetadataAnswers) {
        return new AwsEnvironment(environment::get, systemProperties::get, () -> profiles, () -> instanceMetadataAnswers);
    }

    /** The profile the chain reads when none is configured: AWS_PROFILE, aws.profile, else "default". */
    public String defaultProfileName() {
        String name = firstSet(environment.apply("AWS_PROFILE"), systemProperties.apply("aws.profile"));
        return name == null ? "default" : name;
    }

    /**
     * The region the SDK's default region chain would pick: aws.region, AWS_REGION, AWS_DEFAULT_REGION, the profile's
     * region, the instance's region (only when an instance metadata service answers); empty when none.
     */
    public Optional<String> region(String profileName) {
        String set = firstSet(systemProperties.apply("aws.region"), environment.apply("AWS_REGION"),
                environment.apply("AWS_DEFAULT_REGION"));
        if (set != null) {
            return Optional.of(set.strip());
        }
        var fromProfile = profile(profileName == null ? defaultProfileName() : profileName)
                .flatMap(p -> p.property(ProfileProperty.REGION)).filter(r -> !r.isBlank());
        if (fromProfile.isPresent() || !instanceMetadataAnswers.getAsBoolean()) {
            return fromProfile;
        }
        try {
            return Optional.of(new InstanceProfileRegionProvider().getRegion().id());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the named profile exists in the shared config or credentials file. */
    public boolean hasProfile(String profileName) {
        return profile(profileName).isPresent();
    }

    /**
     * The first place the default chain (or, with {@code profileName}, that profile) would take credentials from, in
     * words; empty when there is none.
     */
    public Optional<String> find(String profileName) {
        if (profileName != null) {
            return profile(profileName).filter(AwsEnvironment::hasCredentials).map(p -> "profile " + profileName);
        }
        if (bothSet(systemProperties.apply("aws.accessKeyId"), systemProperties.apply("aws.secretAccessKey"))) {
            return Optional.of("system properties aws.accessKeyId and aws.secretAccessKey");
        }
        if (bothSet(environment.apply("AWS_ACCESS_KEY_ID"), environment.apply("AWS_SECRET_ACCESS_KEY"))) {
            return Optional.of("environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        if (bothSet(environment.apply("AWS_WEB_IDENTITY_TOKEN_FILE"), environment.apply("AWS_ROLE_ARN"))) {
            return Optional.of("web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN)");
        }
        String name = defaultProfileName();
        if (profile(name).filter(AwsEnvironment::hasCredentials).isPresent()) {
            return Optional.of("profile " + name);
        }
        if (firstSet(environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
                environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI")) != null) {
            return Optional.of("container credentials");
        }
        if (instanceMetadataAnswers.getAsBoolean()) {
            return Optional.of("instance metadata (EC2 instance role)");
        }
        return Optional.empty();
    }

    private Optional<Profile> profile(String name) {
        try {
            return profiles.get().profile(name);
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable file holds no usable profile
        }
    }

    private static boolean hasCredentials(Profile profile) {
        return PROFILE_SOURCES.stream().anyMatch(key -> profile.property(key).filter(v -> !v.isBlank()).isPresent());
    }

    /** One short TCP connection attempt to the instance metadata service (unless AWS_EC2_METADATA_DISABLED). */
    private static boolean instanceMetadataAnswers(Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.get("AWS_EC2_METADATA_DISABLED"))) {
            return false;
        }
        String host = "169.254.169.254";
        int port = 80;
        String endpoint = environment.get("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                var uri = URI.create(endpoint.strip());
                host = uri.getHost();
                port = uri.getPort() > 0 ? uri.getPort() : 80;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), METADATA_CONNECT_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean bothSet(String a, String b) {
        return a != null && !a.isBlank() && b != null && !b.isBlank();
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
