package com.ivsstack.provider.grpc;

import static com.ivsstack.provider.grpc.Wire.bool;
import static com.ivsstack.provider.grpc.Wire.list;
import static com.ivsstack.provider.grpc.Wire.nil;
import static com.ivsstack.provider.grpc.Wire.num;
import static com.ivsstack.provider.grpc.Wire.obj;
import static com.ivsstack.provider.grpc.Wire.secret;
import static com.ivsstack.provider.grpc.Wire.str;
import static com.ivsstack.provider.grpc.Wire.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.provider.ProviderMain;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.pulumi.schema.PackageSchema;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pulumirpc.Provider;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

/**
 * Malformed values on the gRPC surface of the real plugin process (ProviderMain, configured for a loopback endpoint
 * that is never called): wrong types, nested unknowns, oversized strings, broken secret and reference signatures,
 * deep nesting, unknown type tokens. Check answers failures for values that decode, and INVALID_ARGUMENT for values
 * that do not and for unknown type tokens, as diff and the previews do too; and the plugin keeps serving: it is alive
 * and answers a valid call after all of them.
 */
class MalformedWireInputTest {
    private static final String UNKNOWN = Wire.UNKNOWN;
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static Process plugin;
    private static ManagedChannel channel;
    private static ResourceProviderBlockingStub stub;

    @BeforeAll
    static void startPlugin() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        plugin = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ProviderMain.class.getName(), "127.0.0.1:0").redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File("target/malformed-wire-plugin.log"))).start();
        String port = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8)).readLine();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(port.strip())).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        stub = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES);
        stub.configure(Provider.ConfigureRequest.newBuilder().setAcceptSecrets(true)
                .setArgs(struct("endpoint", str("http://127.0.0.1:9"), "region", str("us-west-2"))).build());
    }

    @AfterAll
    static void stopPlugin() throws Exception {
        channel.shutdownNow();
        plugin.destroy();
        plugin.waitFor(10, TimeUnit.SECONDS);
    }

    static Value nested(int depth) {
        Value v = str("deep");
        for (int i = 0; i < depth; i++) {
            v = obj("s3", v);
        }
        return v;
    }

    /** Values that decode (the wrong kinds, sizes and nesting that check reports), for types of the schema. */
    static Stream<Arguments> wrongKinds() {
        String huge = "x".repeat(3_000_000);
        return Stream.of(
                Arguments.of("ivs:index:Channel", struct("name", num(42))),
                Arguments.of("ivs:index:Channel", struct("name", obj("a", num(1)))),
                Arguments.of("ivs:index:Channel", struct("latencyMode", bool(true), "type", list(str("STANDARD")))),
                Arguments.of("ivs:index:Channel", struct("tags", list(str("a"), str("b")))),
                Arguments.of("ivs:index:Channel", struct("tags", obj("team", num(7)))),
                Arguments.of("ivs:index:Channel", struct("tags", obj("team", list(str(UNKNOWN))), "name", num(Double.NaN))),
                Arguments.of("ivs:index:Channel", struct("multitrackInputConfiguration", list(obj("enabled", str(UNKNOWN))))),
                Arguments.of("ivs:index:Channel", struct("name", str(huge))),
                Arguments.of("ivs:index:Channel", struct(huge.substring(0, 100_000), str("v"))),
                Arguments.of("ivs:index:Channel", struct("tags", obj(huge.substring(0, 200_000), str(huge.substring(0, 300_000))))),
                Arguments.of("ivs:index:Channel", struct("name", secret(secret(num(1))))),
                Arguments.of("ivs:index:Channel", struct("name", nil(), "authorized", str("yes"), "preset", num(1e308))),
                Arguments.of("ivs:index:StreamKey", struct("channelArn", num(-1))),
                Arguments.of("ivs:index:StreamKey", struct("channelArn", obj("arn", str(UNKNOWN)))),
                Arguments.of("ivs:index:RecordingConfiguration", struct("destinationConfiguration", str("s3://bucket"))),
                Arguments.of("ivs:index:RecordingConfiguration", struct("destinationConfiguration", nested(25))),
                Arguments.of("ivs:index:RecordingConfiguration", struct("destinationConfiguration",
                        obj("s3", obj("bucketName", list(str(UNKNOWN), obj("x", str(UNKNOWN))))),
                        "thumbnailConfiguration", obj("targetIntervalSeconds", str("often")))),
                Arguments.of("ivs:index:PlaybackKeyPair", struct("publicKeyMaterial", str("-----BEGIN PUBLIC KEY-----\n" + huge.substring(0, 50_000)))),
                Arguments.of("ivs:index:PlaybackRestrictionPolicy", struct("allowedCountries", str("US"), "allowedOrigins", obj("a", bool(true)))),
                Arguments.of("ivs:realtime:EncoderConfiguration", struct("video", obj("width", str("wide"), "height", num(-5), "framerate", num(Double.POSITIVE_INFINITY)))),
                Arguments.of("ivs:realtime:StorageConfiguration", struct("s3", list(obj("bucketName", num(1))))),
                Arguments.of("ivs:realtime:Stage", struct("autoParticipantRecordingConfiguration", obj("storageConfigurationArn",
                        list(str(UNKNOWN)), "mediaTypes", str("AUDIO_VIDEO"), "thumbnailConfiguration", obj("storage", obj("x", num(1))),
                        "hlsConfiguration", nested(30)))),
                Arguments.of("ivs:realtime:Stage", struct("name", str(huge), "tags", obj("k", secret(num(3))))),
                Arguments.of("ivs:realtime:IngestConfiguration", struct("attributes", list(str("a")), "insecureIngest", str("yes"),
                        "ingestProtocol", obj("RTMP", bool(true)))),
                Arguments.of("ivs:realtime:IngestConfiguration", struct("attributes", obj(huge.substring(0, 100_000), str("v")))),
                Arguments.of("ivs:realtime:PublicKey", struct("publicKeyMaterial", list(secret(str("-----BEGIN PUBLIC KEY-----"))))),
                Arguments.of("ivs:realtime:PublicKey", struct("publicKeyMaterial", str("-----BEGIN PUBLIC KEY-----\n"
                        + "A".repeat(200_000) + "\n-----END PUBLIC KEY-----"))));
    }

    /** Special values that cannot be decoded (broken signatures), and type tokens the schema does not have. */
    static Stream<Arguments> undecodableOrUnknownType() {
        return Stream.of(
                Arguments.of("ivs:index:Channel", struct("name", obj(SIG, str("1b47061264138c4ac30d75fd1eb44270")))),
                Arguments.of("ivs:index:Channel", struct("name", obj(SIG, str("cafebabecafebabecafebabecafebabe"), "value", str("x")))),
                Arguments.of("ivs:index:Channel", struct("name", obj(SIG, num(3)))),
                Arguments.of("ivs:index:Channel", struct("name", obj(SIG, str("5cf8f73096256a8f31e491e813e4eb8e"), "urn", num(1)))),
                Arguments.of("ivs:index:NoSuchThing", struct("name", str("x"))),
                Arguments.of("", struct()),
                Arguments.of("not a token at all", struct("name", str("x"))));
    }

    @Test
    void wrongKinds_rows_coverEveryResourceTypeOfTheSchema() {
        assertThat(wrongKinds().map(row -> (String) row.get()[0]))
                .containsAll(BundledSchema.load().resourceTokens());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wrongKinds")
    void check_wrongKinds_answersCheckFailures(String type, Struct news) {
        String urn = "urn:pulumi:dev::p::" + type + "::r";
        Provider.CheckResponse response = stub.check(Provider.CheckRequest.newBuilder().setUrn(urn).setType(type)
                .setOlds(Struct.getDefaultInstance()).setNews(news).build());
        assertThat(response.getFailuresList()).as("check of %s", type).isNotEmpty()
                .allSatisfy(f -> assertThat(f.getReason()).isNotBlank());
        assertPluginServes();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("undecodableOrUnknownType")
    void check_undecodableValueOrUnknownType_answersInvalidArgument(String type, Struct news) {
        String urn = "urn:pulumi:dev::p::" + type + "::r";
        assertInvalidArgument(() -> stub.check(Provider.CheckRequest.newBuilder().setUrn(urn).setType(type)
                .setOlds(Struct.getDefaultInstance()).setNews(news).build()));
        assertPluginServes();
    }

    /**
     * The engine sends diff and the previews only inputs that check accepted; given wrong kinds anyway, they answer
     * (or fail as a provider error), and never crash.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wrongKinds")
    void diffCreateAndUpdate_wrongKinds_answerWithoutCrashing(String type, Struct news) {
        for (Runnable call : diffCreateAndUpdate(type, news)) {
            try {
                call.run();
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getCode()).as("%s", e.getStatus())
                        .isIn(Status.Code.INVALID_ARGUMENT, Status.Code.UNKNOWN, Status.Code.FAILED_PRECONDITION);
            }
        }
        assertPluginServes();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("undecodableOrUnknownType")
    void diffCreateAndUpdate_undecodableValueOrUnknownType_answerInvalidArgument(String type, Struct news) {
        for (Runnable call : diffCreateAndUpdate(type, news)) {
            assertInvalidArgument(call);
        }
        assertPluginServes();
    }

    private static List<Runnable> diffCreateAndUpdate(String type, Struct news) {
        String urn = "urn:pulumi:dev::p::" + type + "::r";
        return List.of(
                () -> stub.diff(Provider.DiffRequest.newBuilder().setUrn(urn).setType(type).setId("arn:x")
                        .setOlds(news).setOldInputs(news).setNews(news).build()),
                () -> stub.create(Provider.CreateRequest.newBuilder().setUrn(urn).setType(type).setProperties(news)
                        .setPreview(true).build()),
                () -> stub.update(Provider.UpdateRequest.newBuilder().setUrn(urn).setType(type).setId("arn:x")
                        .setOlds(news).setOldInputs(news).setNews(news).setPreview(true).build()));
    }

    private static void assertInvalidArgument(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as("%s", e.getStatus()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).isNotBlank();
        });
    }

    /**
     * Nesting beyond protobuf's recursion limit (100) is refused by gRPC's message parser before the plugin sees the
     * call (status UNKNOWN, as for any message that cannot be parsed); the plugin keeps serving.
     */
    @Test
    void check_nestingBeyondTheProtobufLimit_isRefusedByTheTransportAndThePluginKeepsServing() {
        try {
            stub.check(Provider.CheckRequest.newBuilder().setUrn("urn:pulumi:dev::p::ivs:index:RecordingConfiguration::r")
                    .setType("ivs:index:RecordingConfiguration").setNews(struct("destinationConfiguration", nested(200))).build());
            throw new AssertionError("a message nested 400 levels deep was accepted");
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isIn(Status.Code.UNKNOWN, Status.Code.INTERNAL, Status.Code.INVALID_ARGUMENT);
        }
        assertPluginServes();
    }

    @Test
    void afterEveryMalformedCall_aValidCheckStillPasses() {
        Provider.CheckResponse response = stub.check(Provider.CheckRequest.newBuilder()
                .setUrn("urn:pulumi:dev::p::ivs:index:Channel::ok").setType("ivs:index:Channel")
                .setOlds(Struct.getDefaultInstance()).setNews(struct("name", str("ok"), "latencyMode", str("LOW"))).build());
        assertThat(response.getFailuresList()).isEmpty();
        assertPluginServes();
    }

    private static void assertPluginServes() {
        assertThat(plugin.isAlive()).as("the plugin process is alive").isTrue();
        assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isNotBlank();
    }
}
