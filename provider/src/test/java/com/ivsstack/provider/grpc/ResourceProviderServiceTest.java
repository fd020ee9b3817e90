package com.ivsstack.provider.grpc;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.ivsstack.provider.api.CheckRequest;
import com.ivsstack.provider.api.CreateRequest;
import com.ivsstack.provider.api.CreateResult;
import com.ivsstack.provider.api.DeleteRequest;
import com.ivsstack.provider.api.DiffRequest;
import com.ivsstack.provider.api.DiffResult;
import com.ivsstack.provider.api.MissingConfigurationException.MissingKey;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.PropertyDiff.Kind;
import com.ivsstack.provider.api.ProviderException;
import com.ivsstack.provider.api.ProviderFunction;
import com.ivsstack.provider.api.ReadRequest;
import com.ivsstack.provider.api.ReadResult;
import com.ivsstack.provider.api.ResourceInitFailedException;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.api.UpdateRequest;
import com.ivsstack.provider.api.UpdateResult;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pulumirpc.Provider.ConfigureErrorMissingKeys;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.ivsstack.provider.grpc.Wire.list;
import static com.ivsstack.provider.grpc.Wire.num;
import static com.ivsstack.provider.grpc.Wire.obj;
import static com.ivsstack.provider.grpc.Wire.secret;
import static com.ivsstack.provider.grpc.Wire.str;
import static com.ivsstack.provider.grpc.Wire.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter over a fake provider, driven through a real (in-process) gRPC channel with the pulumirpc stubs. */
class ResourceProviderServiceTest {

    private static final String URN = "urn:pulumi:dev::app::fake:index:Thing::thing";

    private ScriptedProvider provider;
    private ResourceProviderService service;
    private Server server;
    private ManagedChannel channel;
    private ResourceProviderBlockingStub stub;

    @BeforeEach
    void start() throws Exception {
        String name = "provider-" + UUID.randomUUID();
        service = new ResourceProviderService(log -> provider = new ScriptedProvider(log));
        server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = ResourceProviderGrpc.newBlockingStub(channel);
        service.provider(); // created lazily; the tests program it before their first call
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
        service.close();
    }

    @Test
    void constructor_always_createsNoProviderUntilTheFirstCallThatNeedsOne() {
        var created = new java.util.concurrent.atomic.AtomicInteger();
        try (var lazy = new ResourceProviderService(log -> {
            created.incrementAndGet();
            return new ScriptedProvider(log);
        })) {
            lazy.setEngineAddress("127.0.0.1:1");
            assertThat(created).hasValue(0);

            lazy.provider();
            lazy.provider();
            assertThat(created).hasValue(1);
        }
    }

    @Test
    void getPluginInfo_always_returnsTheProviderSemver() {
        assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo("1.2.3");
    }

    @Test
    void getSchema_always_returnsTheSchemaTextUnchanged() {
        assertThat(stub.getSchema(GetSchemaRequest.getDefaultInstance()).getSchema()).isEqualTo(ScriptedProvider.SCHEMA);
    }

    @Test
    void getSchema_subpackage_isInvalidArgument() {
        assertThatThrownBy(() -> stub.getSchema(GetSchemaRequest.newBuilder().setSubpackageName("aws").build()))
                .satisfies(failure -> assertThat(codeOf(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void handshake_withEngineAddress_acceptsSecretsAndResourcesButNotOutputs() {
        var response = stub.handshake(ProviderHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:1").build());

        assertThat(response.getAcceptSecrets()).isTrue();
        assertThat(response.getAcceptResources()).isTrue();
        assertThat(response.getAcceptOutputs()).isFalse();
        assertThat(service.engineAddress()).contains("127.0.0.1:1");
    }

    @Test
    void attach_always_remembersTheEngineAddress() {
        stub.attach(pulumirpc.Plugin.PluginAttach.newBuilder().setAddress("127.0.0.1:2").build());

        assertThat(service.engineAddress()).contains("127.0.0.1:2");
    }

    @Test
    void configure_withSecretArgs_passesThemDecodedAndSupportsPreview() {
        var response = stub.configure(ConfigureRequest.newBuilder()
                .setArgs(struct("region", str("us-west-2"), "secretKey", secret(str("s3cr3t")), "version", str("0.1.0")))
                .setAcceptSecrets(true).setAcceptResources(true).build());

        assertThat(response.getSupportsPreview()).isTrue();
        assertThat(response.getAcceptSecrets()).isTrue();
        assertThat(response.getAcceptResources()).isTrue();
        assertThat(response.getAcceptOutputs()).isFalse();
        assertThat(provider.configuration).containsEntry("region", "us-west-2")
                .containsEntry("secretKey", new Secret("s3cr3t"));
    }

    @Test
    @SuppressWarnings("deprecation") // what engines older than ConfigureRequest.args send
    void configure_onlyDeprecatedVariables_usesThemWithBareKeys() {
        stub.configure(ConfigureRequest.newBuilder().putVariables("ivs:config:region", "eu-west-1").build());

        assertThat(provider.configuration).containsExactly(Map.entry("region", "eu-west-1"));
    }

    @Test
    void configure_missingKeys_failsWithConfigureErrorMissingKeysDetail() throws Exception {
        provider.missingKeys = List.of(new MissingKey("region", "the AWS region, e.g. us-west-2"));

        StatusRuntimeException failure = callFailing(() -> stub.configure(ConfigureRequest.getDefaultInstance()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        var details = StatusProto.fromThrowable(failure).getDetailsList();
        assertThat(details).hasSize(1);
        var missing = details.get(0).unpack(ConfigureErrorMissingKeys.class);
        assertThat(missing.getMissingKeysList()).singleElement().satisfies(key -> {
            assertThat(key.getName()).isEqualTo("region");
            assertThat(key.getDescription()).isEqualTo("the AWS region, e.g. us-west-2");
        });
    }

    static Stream<String> unknownSentinels() {
        return Arrays.stream(Wire.UNKNOWN_SENTINELS);
    }

    @ParameterizedTest
    @MethodSource("unknownSentinels")
    void check_unknownSentinel_reachesProviderAsUnknownAndReturnsAsGenericSentinel(String sentinel) {
        var response = stub.check(pulumirpc.Provider.CheckRequest.newBuilder().setUrn(URN)
                .setOlds(Struct.getDefaultInstance())
                .setNews(struct("name", str(sentinel), "tags", obj("team", str(sentinel)))).build());

        assertThat(provider.lastRequest(CheckRequest.class).news())
                .isEqualTo(Map.of("name", Unknown.VALUE, "tags", Map.of("team", Unknown.VALUE)));
        assertThat(response.getInputs()).isEqualTo(struct("name", str(Wire.UNKNOWN), "tags", obj("team", str(Wire.UNKNOWN))));
        assertThat(response.getFailuresList()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("unknownSentinels")
    void diff_unknownSentinelInNews_reachesProviderAsUnknown(String sentinel) {
        provider.onDiff = request -> new DiffResult(Map.of("name", PropertyDiff.of(Kind.UPDATE)), false);

        var response = stub.diff(pulumirpc.Provider.DiffRequest.newBuilder().setUrn(URN).setId("id-1")
                .setOlds(struct("name", str("a"), "arn", str("id-1")))
                .setOldInputs(struct("name", str("a")))
                .setNews(struct("name", str(sentinel))).build());

        DiffRequest seen = provider.lastRequest(DiffRequest.class);
        assertThat(seen.news()).isEqualTo(Map.of("name", Unknown.VALUE));
        assertThat(seen.oldInputs()).isEqualTo(Map.of("name", "a"));
        assertThat(seen.oldOutputs()).isEqualTo(Map.of("name", "a", "arn", "id-1"));
        assertThat(response.getChanges()).isEqualTo(pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME);
    }

    @Test
    void check_failures_areReturnedWithPropertyAndReason() {
        provider.onCheck = request -> ScriptedProvider.failing("latencyMode", "latencyMode \"FAST\" must be one of LOW, NORMAL");

        var response = stub.check(pulumirpc.Provider.CheckRequest.newBuilder().setUrn(URN)
                .setNews(struct("latencyMode", str("FAST"))).build());

        assertThat(response.getFailuresList()).singleElement().satisfies(failure -> {
            assertThat(failure.getProperty()).isEqualTo("latencyMode");
            assertThat(failure.getReason()).isEqualTo("latencyMode \"FAST\" must be one of LOW, NORMAL");
        });
    }

    static Stream<Arguments> detailedDiffs() {
        return Stream.of(
                Arguments.of(Map.of(), List.of(), List.of(), pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_NONE),
                Arguments.of(Map.of("tags.team", Kind.ADD), List.of("tags"), List.of(),
                        pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME),
                Arguments.of(Map.of("latencyMode", Kind.UPDATE, "tags.old", Kind.DELETE), List.of("latencyMode", "tags"),
                        List.of(), pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME),
                Arguments.of(Map.of("name", Kind.UPDATE_REPLACE, "tags.a", Kind.UPDATE), List.of("name", "tags"),
                        List.of("name"), pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME),
                Arguments.of(Map.of("video.width", Kind.ADD_REPLACE, "video.height", Kind.DELETE_REPLACE),
                        List.of("video"), List.of("video"), pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME),
                Arguments.of(Map.of("thumbnailConfiguration[\"a.b\"]", Kind.UPDATE_REPLACE),
                        List.of("thumbnailConfiguration"), List.of("thumbnailConfiguration"),
                        pulumirpc.Provider.DiffResponse.DiffChanges.DIFF_SOME));
    }

    @ParameterizedTest
    @MethodSource("detailedDiffs")
    void diff_detailedDiff_isSentWithConsistentDiffsAndReplaces(Map<String, Kind> detailed, List<String> diffs,
                                                              List<String> replaces,
                                                              pulumirpc.Provider.DiffResponse.DiffChanges changes) {
        var paths = new LinkedHashMap<String, PropertyDiff>();
        detailed.forEach((path, kind) -> paths.put(path, PropertyDiff.of(kind)));
        provider.onDiff = request -> new DiffResult(paths, true);

        var response = stub.diff(pulumirpc.Provider.DiffRequest.newBuilder().setUrn(URN).setId("id-1").build());

        assertThat(response.getChanges()).isEqualTo(changes);
        assertThat(response.getHasDetailedDiff()).isTrue();
        assertThat(response.getDiffsList()).containsExactlyInAnyOrderElementsOf(diffs);
        assertThat(response.getReplacesList()).containsExactlyInAnyOrderElementsOf(replaces);
        assertThat(response.getDeleteBeforeReplace()).isEqualTo(!replaces.isEmpty());
        assertThat(response.getDetailedDiffMap()).hasSize(detailed.size());
        detailed.forEach((path, kind) -> {
            assertThat(response.getDetailedDiffMap().get(path).getKind().name()).isEqualTo(kind.name());
            assertThat(response.getDetailedDiffMap().get(path).getInputDiff()).isTrue();
        });
    }

    @Test
    void create_previewWithUnknownOutputs_returnsSentinelsAndNoId() {
        provider.onCreate = request -> {
            var outputs = new LinkedHashMap<>(request.inputs());
            outputs.put("arn", Unknown.VALUE);
            return new CreateResult("", outputs);
        };

        var response = stub.create(pulumirpc.Provider.CreateRequest.newBuilder().setUrn(URN).setPreview(true)
                .setProperties(struct("name", str("live"))).build());

        assertThat(provider.lastRequest(CreateRequest.class).preview()).isTrue();
        assertThat(response.getId()).isEmpty();
        assertThat(response.getProperties()).isEqualTo(struct("name", str("live"), "arn", str(Wire.UNKNOWN)));
    }

    @Test
    void create_unknownOutputOutsidePreview_isInternalErrorNotASentinel() {
        provider.onCreate = request -> new CreateResult("id-1", Map.of("arn", Unknown.VALUE));

        StatusRuntimeException failure = callFailing(() -> stub.create(pulumirpc.Provider.CreateRequest.newBuilder()
                .setUrn(URN).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(failure.getStatus().getDescription()).contains("property arn: the provider returned an unknown value");
    }

    @Test
    void create_emptyIdOutsidePreview_isInternalError() {
        provider.onCreate = request -> new CreateResult("", Map.of());

        StatusRuntimeException failure = callFailing(() -> stub.create(pulumirpc.Provider.CreateRequest.newBuilder()
                .setUrn(URN).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void create_customTimeoutSeconds_reachesProviderAsDuration() {
        stub.create(pulumirpc.Provider.CreateRequest.newBuilder().setUrn(URN).setTimeout(90.5).build());
        assertThat(provider.lastRequest(CreateRequest.class).timeout()).isEqualTo(Duration.ofMillis(90_500));

        stub.create(pulumirpc.Provider.CreateRequest.newBuilder().setUrn(URN).build());
        assertThat(provider.lastRequest(CreateRequest.class).timeout()).isNull();
    }

    @Test
    void updateAndDelete_customTimeoutAndOldsVersusOldInputs_areNotConfused() {
        stub.update(pulumirpc.Provider.UpdateRequest.newBuilder().setUrn(URN).setId("id-1").setTimeout(60)
                .setOlds(struct("arn", str("id-1"))).setOldInputs(struct("name", str("a")))
                .setNews(struct("name", str("b"))).addIgnoreChanges("tags").build());
        stub.delete(pulumirpc.Provider.DeleteRequest.newBuilder().setUrn(URN).setId("id-1").setTimeout(30)
                .setProperties(struct("arn", str("id-1"))).setOldInputs(struct("name", str("b"))).build());

        UpdateRequest update = provider.lastRequest(UpdateRequest.class);
        assertThat(update.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(update.oldOutputs()).isEqualTo(Map.of("arn", "id-1"));
        assertThat(update.oldInputs()).isEqualTo(Map.of("name", "a"));
        assertThat(update.news()).isEqualTo(Map.of("name", "b"));
        assertThat(update.ignoreChanges()).containsExactly("tags");
        DeleteRequest delete = provider.lastRequest(DeleteRequest.class);
        assertThat(delete.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(delete.oldOutputs()).isEqualTo(Map.of("arn", "id-1"));
        assertThat(delete.oldInputs()).isEqualTo(Map.of("name", "b"));
    }

    @Test
    void create_partialFailure_isErrorResourceInitFailedWithIdAndOutputs() throws Exception {
        provider.onCreate = request -> {
            throw new ResourceInitFailedException("arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc",
                    Map.of("arn", "arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc", "state", "CREATING"),
                    List.of("waiting for ACTIVE timed out after 5m"), null);
        };

        StatusRuntimeException failure = callFailing(() -> stub.create(pulumirpc.Provider.CreateRequest.newBuilder()
                .setUrn(URN).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
        var detail = StatusProto.fromThrowable(failure).getDetails(0).unpack(ErrorResourceInitFailed.class);
        assertThat(detail.getId()).isEqualTo("arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc");
        assertThat(detail.getProperties()).isEqualTo(struct(
                "arn", str("arn:aws:ivs:us-west-2:123456789012:recording-configuration/abc"), "state", str("CREATING")));
        assertThat(detail.getReasonsList()).containsExactly("waiting for ACTIVE timed out after 5m");
    }

    @Test
    void update_providerException_isCleanFailedPrecondition() {
        provider.onUpdate = request -> {
            throw new ProviderException("updating IVS Channel (arn): the channel is live. Stop the stream first.");
        };

        StatusRuntimeException failure = callFailing(() -> stub.update(pulumirpc.Provider.UpdateRequest.newBuilder()
                .setUrn(URN).setId("arn").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(failure.getStatus().getDescription())
                .isEqualTo("updating IVS Channel (arn): the channel is live. Stop the stream first.");
        assertThat(StatusProto.fromThrowable(failure).getDetailsList()).isEmpty();
    }

    @Test
    void update_previewMayReturnUnknowns() {
        provider.onUpdate = request -> new UpdateResult(Map.of("playbackUrl", Unknown.VALUE));

        var response = stub.update(pulumirpc.Provider.UpdateRequest.newBuilder().setUrn(URN).setId("id-1")
                .setPreview(true).build());

        assertThat(provider.lastRequest(UpdateRequest.class).preview()).isTrue();
        assertThat(response.getProperties()).isEqualTo(struct("playbackUrl", str(Wire.UNKNOWN)));
    }

    @Test
    void read_goneResource_answersEmptyId() {
        provider.onRead = request -> ReadResult.gone();

        var response = stub.read(pulumirpc.Provider.ReadRequest.newBuilder().setUrn(URN).setId("arn:gone").build());

        assertThat(response.getId()).isEmpty();
        assertThat(response.getProperties().getFieldsCount()).isZero();
    }

    @Test
    void read_existingResource_returnsIdOutputsAndInputsWithSecretsWrapped() {
        provider.onRead = request -> new ReadResult(request.id(),
                Map.of("arn", request.id(), "value", new Secret("sk_x")), Map.of("channelArn", "arn:c"));

        var response = stub.read(pulumirpc.Provider.ReadRequest.newBuilder().setUrn(URN).setId("arn:k")
                .setProperties(struct("arn", str("arn:k"))).setInputs(struct("channelArn", str("arn:c"))).build());

        ReadRequest seen = provider.lastRequest(ReadRequest.class);
        assertThat(seen.oldOutputs()).isEqualTo(Map.of("arn", "arn:k"));
        assertThat(seen.oldInputs()).isEqualTo(Map.of("channelArn", "arn:c"));
        assertThat(response.getId()).isEqualTo("arn:k");
        assertThat(response.getProperties()).isEqualTo(struct("arn", str("arn:k"), "value", secret(str("sk_x"))));
        assertThat(response.getInputs()).isEqualTo(struct("channelArn", str("arn:c")));
    }

    @Test
    void createThenRead_secretInput_staysWrappedBothWays() {
        provider.onCreate = request -> new CreateResult("id-1", request.inputs());

        var response = stub.create(pulumirpc.Provider.CreateRequest.newBuilder().setUrn(URN)
                .setProperties(struct("publicKeyMaterial", secret(str("-----BEGIN PUBLIC KEY-----")))).build());

        assertThat(provider.lastRequest(CreateRequest.class).inputs())
                .containsEntry("publicKeyMaterial", new Secret("-----BEGIN PUBLIC KEY-----"));
        assertThat(response.getProperties())
                .isEqualTo(struct("publicKeyMaterial", secret(str("-----BEGIN PUBLIC KEY-----"))));
    }

    @Test
    void check_malformedValue_isInvalidArgumentNamingTheProperty() {
        StatusRuntimeException failure = callFailing(() -> stub.check(pulumirpc.Provider.CheckRequest.newBuilder()
                .setUrn(URN).setNews(struct("s3", obj(Wire.SIG, str("c44067f5952c0a294b673a41bacd8c17")))).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).startsWith("property s3: assets and archives are not supported");
    }

    @Test
    void check_unknownResourceType_isInvalidArgumentNamingTheType() {
        StatusRuntimeException failure = callFailing(() -> stub.check(pulumirpc.Provider.CheckRequest.newBuilder()
                .setUrn("urn:pulumi:dev::app::fake:index:Nope::n").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).contains("unknown resource type \"fake:index:Nope\"");
    }

    @Test
    void check_typeOnlyInUrnWithParentChain_findsTheResourceType() {
        stub.check(pulumirpc.Provider.CheckRequest.newBuilder()
                .setUrn("urn:pulumi:dev::app::my:index:Component$fake:index:Thing::t").build());

        assertThat(provider.lastRequest(CheckRequest.class).urn()).endsWith("::t");
    }

    @Test
    void invoke_function_returnsValueOrFailures() {
        provider.onInvoke = args -> ProviderFunction.Result.of(Map.of("arn", args.get("arn"), "value", new Secret("k")));

        var response = stub.invoke(InvokeRequest.newBuilder().setTok("fake:index:getThing")
                .setArgs(struct("arn", str("arn:k"))).build());

        assertThat(response.getReturn()).isEqualTo(struct("arn", str("arn:k"), "value", secret(str("k"))));
        assertThat(response.getFailuresCount()).isZero();
    }

    @Test
    void invoke_unknownFunction_isInvalidArgument() {
        StatusRuntimeException failure = callFailing(() -> stub.invoke(InvokeRequest.newBuilder()
                .setTok("fake:index:getNothing").build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void invoke_deletePreflightToken_asksTheProviderForTheGroupsBlockers() {
        provider.blockedDeletes = Map.of("id-2", List.of("it is busy"));

        var response = stub.invoke(InvokeRequest.newBuilder().setTok("fake:ivsstack:checkDelete")
                .setArgs(struct("resources", list(
                        obj("urn", str(URN + "-1"), "type", str("fake:index:Thing"), "id", str("id-1"),
                                "inputs", obj("name", str("a")), "outputs", obj()),
                        obj("urn", str(URN + "-2"), "type", str("fake:index:Thing"), "id", str("id-2"),
                                "inputs", obj("name", secret(str("b"))), "outputs", obj())))).build());

        assertThat(response.getReturn()).isEqualTo(struct("blockers",
                list(obj("urn", str(URN + "-2"), "reasons", list(str("it is busy"))))));
        assertThat(provider.deleteGroups).singleElement().satisfies(group -> {
            assertThat(group.members()).extracting(m -> m.request().id()).containsExactly("id-1", "id-2");
            assertThat(group.members().get(1).request().oldInputs()).containsEntry("name", new Secret("b"));
        });
    }

    @Test
    void invoke_deletePreflightWithoutResources_isInvalidArgumentNamingTheArgument() {
        StatusRuntimeException failure = callFailing(() -> stub.invoke(InvokeRequest.newBuilder()
                .setTok("fake:ivsstack:checkDelete").setArgs(struct("resources", str("all"))).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).contains("resources");
    }

    @Test
    void cancel_always_reachesTheProvider() {
        stub.cancel(Empty.getDefaultInstance());

        assertThat(provider.cancels).hasValue(1);
    }

    @Test
    void getMappings_always_answerEmpty() {
        assertThat(stub.getMapping(pulumirpc.Provider.GetMappingRequest.newBuilder().setKey("terraform").build()))
                .isEqualTo(pulumirpc.Provider.GetMappingResponse.getDefaultInstance());
        assertThat(stub.getMappings(pulumirpc.Provider.GetMappingsRequest.newBuilder().setKey("terraform").build()))
                .isEqualTo(pulumirpc.Provider.GetMappingsResponse.getDefaultInstance());
    }

    @Test
    void constructAndCallAndParameterize_areUnimplemented() {
        assertThat(codeOf(callFailing(() -> stub.construct(pulumirpc.Provider.ConstructRequest.getDefaultInstance()))))
                .isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(codeOf(callFailing(() -> stub.call(pulumirpc.Provider.CallRequest.getDefaultInstance()))))
                .isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(codeOf(callFailing(() -> stub.parameterize(pulumirpc.Provider.ParameterizeRequest.getDefaultInstance()))))
                .isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    void timeoutOf_zeroNegativeOrInfinite_isNoTimeout() {
        assertThat(ResourceProviderService.timeoutOf(0)).isNull();
        assertThat(ResourceProviderService.timeoutOf(-1)).isNull();
        assertThat(ResourceProviderService.timeoutOf(Double.NaN)).isNull();
        assertThat(ResourceProviderService.timeoutOf(Double.POSITIVE_INFINITY)).isNull();
        assertThat(ResourceProviderService.timeoutOf(300)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void check_numbersAndLists_arriveAsLongsDoublesAndLists() {
        stub.check(pulumirpc.Provider.CheckRequest.newBuilder().setUrn(URN)
                .setNews(struct("window", num(60), "ratio", num(0.5), "renditions", list(str("HD"), str("SD")))).build());

        assertThat(provider.lastRequest(CheckRequest.class).news())
                .isEqualTo(Map.of("window", 60L, "ratio", 0.5, "renditions", List.of("HD", "SD")));
    }

    private static StatusRuntimeException callFailing(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException failure) {
            return failure;
        }
        throw new AssertionError("the call succeeded but should have failed");
    }

    private static Status.Code codeOf(Throwable failure) {
        return Status.fromThrowable(failure).getCode();
    }
}
