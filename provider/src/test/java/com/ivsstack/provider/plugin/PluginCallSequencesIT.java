package com.ivsstack.provider.plugin;

import com.google.protobuf.Struct;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.schema.BundledSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pulumirpc.Provider.DiffResponse.DiffChanges;
import pulumirpc.Provider.InvokeRequest;

import java.util.function.Function;
import java.util.stream.Stream;

import static com.ivsstack.provider.plugin.EngineDriver.bool;
import static com.ivsstack.provider.plugin.EngineDriver.containsUnknown;
import static com.ivsstack.provider.plugin.EngineDriver.isSecret;
import static com.ivsstack.provider.plugin.EngineDriver.list;
import static com.ivsstack.provider.plugin.EngineDriver.obj;
import static com.ivsstack.provider.plugin.EngineDriver.str;
import static com.ivsstack.provider.plugin.EngineDriver.struct;
import static com.ivsstack.provider.plugin.EngineDriver.unwrapSecret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource type of schema.json through the packaged plugin, in the engine's call sequences: preview of a new
 * stack (no AWS call), up, a no-change plan, an in-place update (its preview making no AWS call), a replacement (in the
 * order the provider's diff asks for), refresh, import by ARN diffing clean against the declaration, destroy and a second
 * delete. The IVS RealTime live sessions travel the wire too: the delete preflight's answer, and the warning a
 * replacement's diff sends to the engine's log.
 */
class PluginCallSequencesIT {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @RegisterExtension
    static final RunningPlugin PLUGIN = new RunningPlugin();

    private EngineDriver driver;

    @BeforeEach
    void load() {
        driver = new EngineDriver(PLUGIN.plugin().stub(), "dev");
        assertThat(driver.load(PLUGIN.engine().address())).isEqualTo("0.1.0");
    }

    private void configure(boolean preview, boolean disconnectParticipants) {
        driver.configure(struct("endpoint", str(IVS.emulator().endpoint().toString()), "region", str("us-west-2"),
                "disconnectParticipants", bool(disconnectParticipants)), preview);
    }

    /** What the inputs of a type may refer to, made fresh for each sequence. */
    record Parents(String channel, String otherChannel, String stage, String otherStage, String storage, String key,
                   String otherKey) {
        static Parents create() {
            var realTime = IVS.realTimeClient();
            return new Parents(IVS.ivsClient().createChannel(b -> b.name("parent")).channel().arn(),
                    IVS.ivsClient().createChannel(b -> b.name("other-parent")).channel().arn(),
                    realTime.createStage(b -> b.name("parent")).stage().arn(),
                    realTime.createStage(b -> b.name("other-parent")).stage().arn(),
                    realTime.createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants"))).storageConfiguration().arn(),
                    TestKeys.ecdsaPublicKeyPem(), TestKeys.ecdsaPublicKeyPem());
        }
    }

    /** One type's program inputs: as first declared, changed in place, and changed so that it is replaced (or null). */
    record Sequence(String token, Function<Parents, Struct> declared, Function<Parents, Struct> inPlace,
                    Function<Parents, Struct> replacing) {
        @Override
        public String toString() {
            return token;
        }
    }

    static Stream<Sequence> sequences() {
        return Stream.of(
                new Sequence("ivs:index:Channel",
                        p -> struct("name", str("seq"), "latencyMode", str("LOW"), "tags", obj("k", str("v"))),
                        p -> struct("name", str("seq"), "latencyMode", str("NORMAL"), "tags", obj("k", str("w"))),
                        null),
                new Sequence("ivs:index:StreamKey",
                        p -> struct("channelArn", str(p.channel())),
                        p -> struct("channelArn", str(p.channel()), "tags", obj("k", str("v"))),
                        p -> struct("channelArn", str(p.otherChannel()), "tags", obj("k", str("v")))),
                new Sequence("ivs:index:RecordingConfiguration",
                        p -> struct("name", str("rec"), "destinationConfiguration", obj("s3", obj("bucketName", str("recordings")))),
                        p -> struct("name", str("rec"), "destinationConfiguration", obj("s3", obj("bucketName", str("recordings"))),
                                "tags", obj("k", str("v"))),
                        p -> struct("name", str("rec-2"), "destinationConfiguration", obj("s3", obj("bucketName", str("recordings"))))),
                new Sequence("ivs:index:PlaybackKeyPair",
                        p -> struct("publicKeyMaterial", str(p.key())),
                        p -> struct("publicKeyMaterial", str(p.key()), "tags", obj("k", str("v"))),
                        p -> struct("publicKeyMaterial", str(p.otherKey()))),
                new Sequence("ivs:index:PlaybackRestrictionPolicy",
                        p -> struct("allowedCountries", list(str("US"))),
                        p -> struct("allowedCountries", list(str("DE")), "enableStrictOriginEnforcement", bool(true)),
                        null),
                new Sequence("ivs:realtime:EncoderConfiguration",
                        p -> struct("video", obj("width", EngineDriver.num(1280), "height", EngineDriver.num(720))),
                        p -> struct("video", obj("width", EngineDriver.num(1280), "height", EngineDriver.num(720)),
                                "tags", obj("k", str("v"))),
                        p -> struct("video", obj("width", EngineDriver.num(1920), "height", EngineDriver.num(1080)))),
                new Sequence("ivs:realtime:StorageConfiguration",
                        p -> struct("s3", obj("bucketName", str("compositions"))),
                        p -> struct("s3", obj("bucketName", str("compositions")), "tags", obj("k", str("v"))),
                        p -> struct("s3", obj("bucketName", str("compositions-2")))),
                new Sequence("ivs:realtime:Stage",
                        p -> struct("name", str("studio"), "autoParticipantRecordingConfiguration",
                                obj("storageConfigurationArn", str(p.storage()))),
                        p -> struct("name", str("studio-2"), "autoParticipantRecordingConfiguration",
                                obj("storageConfigurationArn", str(p.storage()), "thumbnailConfiguration",
                                        obj("recordingMode", str("INTERVAL"), "storage", list(str("LATEST"))))),
                        null),
                new Sequence("ivs:realtime:IngestConfiguration",
                        p -> struct("name", str("encoder"), "stageArn", str(p.stage()), "attributes", obj("role", str("host"))),
                        p -> struct("name", str("encoder"), "stageArn", str(p.otherStage()), "attributes", obj("role", str("host"))),
                        p -> struct("name", str("encoder"), "stageArn", str(p.otherStage()), "ingestProtocol", str("RTMP"),
                                "insecureIngest", bool(true))),
                new Sequence("ivs:realtime:PublicKey",
                        p -> struct("publicKeyMaterial", str(p.key())),
                        p -> struct("publicKeyMaterial", str(p.key()), "tags", obj("k", str("v"))),
                        p -> struct("publicKeyMaterial", str(p.otherKey()))));
    }

    @Test
    void sequences_coverEveryResourceTypeOfTheSchema() {
        assertThat(sequences().map(Sequence::token)).containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
    }

    private static long awsCalls() {
        return IVS.emulator().admin().requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void callSequence_everyResourceType_previewUpUpdateReplaceRefreshImportDestroy(Sequence sequence) {
        var parents = Parents.create();
        String type = sequence.token();
        configure(true, false);
        IVS.emulator().admin().resetRequestCounts();
        var previewed = driver.create(type, "seq", sequence.declared().apply(parents), true);
        assertThat(previewed.id()).isEmpty();
        assertThat(containsUnknown(previewed.outputs().getFieldsOrThrow("arn"))).isTrue();
        assertThat(awsCalls()).as("AWS calls during the preview: %s", IVS.emulator().admin().requestCounts()).isZero();

        configure(false, false);
        var created = driver.create(type, "seq", sequence.declared().apply(parents), false);
        assertThat(created.id()).startsWith("arn:aws:ivs:us-west-2:");
        assertThat(containsUnknown(created.outputs())).isFalse();
        assertThat(driver.plan(created, sequence.declared().apply(parents)).diff().getChanges()).isEqualTo(DiffChanges.DIFF_NONE);

        var planned = driver.plan(created, sequence.inPlace().apply(parents));
        assertThat(planned.diff().getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(planned.diff().getReplacesList()).isEmpty();
        IVS.emulator().admin().resetRequestCounts();
        driver.update(planned, true);
        assertThat(awsCalls()).as("AWS calls during the update's preview").isZero();
        var current = driver.update(planned, false);
        assertThat(current.id()).isEqualTo(created.id());

        if (sequence.replacing() != null) {
            var replacing = driver.plan(current, sequence.replacing().apply(parents));
            assertThat(replacing.diff().getReplacesList()).isNotEmpty();
            if (replacing.diff().getDeleteBeforeReplace()) {
                driver.delete(current);
            }
            var replacement = driver.createReplacement(current, sequence.replacing().apply(parents));
            if (!replacing.diff().getDeleteBeforeReplace()) {
                driver.delete(current);
            }
            assertThat(replacement.id()).isNotEqualTo(current.id());
            assertThat(driver.refresh(current).getId()).as("the replaced one is gone").isEmpty();
            current = replacement;
        }

        var refreshed = driver.refresh(current);
        assertThat(refreshed.getId()).isEqualTo(current.id());
        var imported = driver.importById(type, "seq", current.id());
        assertThat(imported.getId()).isEqualTo(current.id());
        var importedState = new EngineDriver.State(driver.urn(type, "seq"), type, imported.getId(), imported.getInputs(),
                imported.getProperties());
        Struct declaredNow = sequence.replacing() != null ? sequence.replacing().apply(parents) : sequence.inPlace().apply(parents);
        assertThat(driver.plan(importedState, declaredNow).diff().getChanges()).as("import diffs clean").isEqualTo(DiffChanges.DIFF_NONE);

        driver.delete(current);
        driver.delete(current);
        assertThat(driver.refresh(current).getId()).isEmpty();
    }

    @Test
    void ingestConfiguration_streamKey_isSecretOnTheWireAndNeverLogged() {
        configure(false, false);
        var parents = Parents.create();
        var created = driver.create("ivs:realtime:IngestConfiguration", "encoder", struct("stageArn", str(parents.stage())), false);

        assertThat(isSecret(created.outputs().getFieldsOrThrow("streamKey"))).isTrue();
        String streamKey = unwrapSecret(created.outputs().getFieldsOrThrow("streamKey")).getStringValue();
        assertThat(streamKey).startsWith("rt_");
        var found = PLUGIN.plugin().stub().invoke(InvokeRequest.newBuilder().setTok("ivs:realtime:getIngestConfiguration")
                .setArgs(struct("arn", str(created.id()))).build());
        assertThat(isSecret(found.getReturn().getFieldsOrThrow("streamKey"))).isTrue();
        assertThat(PLUGIN.plugin().stderr()).doesNotContain(streamKey);
    }

    @Test
    void liveSessions_preflightAnswersAndReplacementWarningReachTheEngine_overTheWire() {
        configure(false, false);
        var parents = Parents.create();
        var encoder = driver.create("ivs:realtime:IngestConfiguration", "encoder",
                struct("name", str("encoder"), "stageArn", str(parents.stage())), false);
        IVS.emulator().admin().startPublishing(encoder.id());

        var answer = PLUGIN.plugin().stub().invoke(InvokeRequest.newBuilder().setTok("ivs:ivsstack:checkDelete")
                .setArgs(struct("resources", list(obj("urn", str(encoder.urn()), "type", str(encoder.type()),
                        "id", str(encoder.id()), "inputs", obj(), "outputs", obj())))).build());
        var planned = driver.plan(encoder, struct("name", str("encoder-2"), "stageArn", str(parents.stage())));

        assertThat(answer.getReturn().toString()).contains(encoder.urn()).contains("an encoder is publishing with it into stage "
                + parents.stage()).contains("disconnectParticipants: true");
        assertThat(planned.diff().getReplacesList()).containsExactly("name");
        EngineLogRecorder.eventually(() -> assertThat(PLUGIN.engine().messages()).as(PLUGIN.plugin().stderr()).anySatisfy(message -> {
            assertThat(message.getUrn()).isEqualTo(encoder.urn());
            assertThat(message.getSeverity()).isEqualTo(pulumirpc.EngineOuterClass.LogSeverity.WARNING);
            assertThat(message.getMessage()).startsWith("replacing IVS IngestConfiguration (" + encoder.id() + ")")
                    .contains("disconnectParticipants: true");
        }));
    }
}
