package com.ivsstack.provider.plugin;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pulumirpc.Provider.DiffResponse.DiffChanges;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.PropertyDiff.Kind;
import pulumirpc.Provider.ReadResponse;
import software.amazon.awssdk.services.ivs.model.ChannelLatencyMode;

import java.time.Duration;
import java.util.Map;

import static com.ivsstack.provider.plugin.EngineDriver.bool;
import static com.ivsstack.provider.plugin.EngineDriver.containsUnknown;
import static com.ivsstack.provider.plugin.EngineDriver.isSecret;
import static com.ivsstack.provider.plugin.EngineDriver.obj;
import static com.ivsstack.provider.plugin.EngineDriver.secret;
import static com.ivsstack.provider.plugin.EngineDriver.str;
import static com.ivsstack.provider.plugin.EngineDriver.struct;
import static com.ivsstack.provider.plugin.EngineDriver.unwrapSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged plugin, as a subprocess, driven through the engine's call sequences against the local IVS endpoint:
 * preview, up, no-op preview, in-place update, replacement, refresh, import, destroy; unknowns, secrets and partial
 * failure on the real resource types. Request counters of the endpoint prove what reached "AWS".
 */
class PluginLifecycleIT {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @RegisterExtension
    static final RunningPlugin PLUGIN = new RunningPlugin();

    private EngineDriver driver;

    @BeforeEach
    void loadAndConfigure() {
        driver = new EngineDriver(PLUGIN.plugin().stub(), "dev");
        assertThat(driver.load(PLUGIN.engine().address())).isEqualTo("0.1.0");
        driver.configure(localEndpoint(), false);
        IVS.emulator().admin().resetRequestCounts();
    }

    private static Struct localEndpoint() {
        return struct("endpoint", str(IVS.emulator().endpoint().toString()), "region", str("us-west-2"),
                "accessKey", secret(str("test-access-key")), "secretKey", secret(str("test-secret-key")));
    }

    private static Struct channelInputs(String name, String latencyMode, Value tags) {
        return struct("name", str(name), "latencyMode", str(latencyMode), "type", str("STANDARD"), "tags", tags);
    }

    private static long awsCalls() {
        return IVS.emulator().admin().requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void previewOfNewStack_channelAndStreamKey_predictsUnknownOutputsAndCallsNoAwsApi() {
        driver.configure(localEndpoint(), true);

        var channel = driver.create("ivs:index:Channel", "live", channelInputs("live", "LOW", obj()), true);
        var key = driver.create("ivs:index:StreamKey", "key",
                struct("channelArn", channel.outputs().getFieldsOrThrow("arn")), true);

        assertThat(channel.id()).isEmpty();
        assertThat(channel.outputs().getFieldsOrThrow("arn")).isEqualTo(str(EngineDriver.UNKNOWN));
        assertThat(channel.outputs().getFieldsOrThrow("name")).isEqualTo(str("live"));
        assertThat(key.id()).isEmpty();
        assertThat(containsUnknown(key.outputs().getFieldsOrThrow("arn"))).isTrue();
        assertThat(awsCalls()).as("AWS calls during preview: %s", IVS.emulator().admin().requestCounts()).isZero();
    }

    @Test
    void up_channelThenStreamKey_createsBothWithSecretsWrappedAndNoUnknowns() {
        var channel = driver.create("ivs:index:Channel", "live",
                channelInputs("live", "LOW", obj("team", str("video"))), false);
        var key = driver.create("ivs:index:StreamKey", "key",
                struct("channelArn", str(channel.id())), false);

        assertThat(channel.id()).startsWith("arn:aws:ivs:us-west-2:").contains(":channel/");
        assertThat(containsUnknown(channel.outputs())).isFalse();
        assertThat(channel.outputs().getFieldsOrThrow("playbackUrl").getStringValue()).startsWith("https://");
        assertThat(key.id()).contains(":stream-key/");
        assertThat(isSecret(key.outputs().getFieldsOrThrow("value"))).as("stream key value is secret").isTrue();
        assertThat(unwrapSecret(key.outputs().getFieldsOrThrow("value")).getStringValue()).startsWith("sk_us-west-2_");
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(1);
        assertThat(IVS.ivsClient().getChannel(b -> b.arn(channel.id())).channel().name()).isEqualTo("live");
    }

    @Test
    void up_streamKeyGivenAResourceReference_usesTheChannelsId() {
        var channel = driver.create("ivs:index:Channel", "ref", channelInputs("ref", "LOW", obj()), false);
        Value reference = obj("4dabf18193072939515e22adb298388d", str("5cf8f73096256a8f31e491e813e4eb8e"),
                "urn", str(channel.urn()), "id", str(channel.id()), "packageVersion", str("0.1.0"));

        var key = driver.create("ivs:index:StreamKey", "ref-key", struct("channelArn", reference), false);

        assertThat(key.outputs().getFieldsOrThrow("channelArn")).isEqualTo(str(channel.id()));
    }

    @Test
    void noOpPreview_sameInputs_diffIsNoneAndNothingChanges() {
        Struct inputs = channelInputs("same", "NORMAL", obj("team", str("video")));
        var channel = driver.create("ivs:index:Channel", "same", inputs, false);
        driver.configure(localEndpoint(), true);
        IVS.emulator().admin().resetRequestCounts();

        var planned = driver.plan(channel, inputs);

        assertThat(planned.diff().getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        assertThat(planned.diff().getDiffsList()).isEmpty();
        assertThat(planned.diff().getReplacesList()).isEmpty();
        assertThat(IVS.emulator().admin().requestCount("UpdateChannel")).isZero();
    }

    @Test
    void inPlaceUpdate_latencyModeAndTag_previewCallsNoAwsThenUpdateChangesTheChannel() {
        var channel = driver.create("ivs:index:Channel", "upd",
                channelInputs("upd", "LOW", obj("team", str("video"))), false);
        Struct changed = channelInputs("upd", "NORMAL", obj("team", str("video"), "cost", str("42")));

        var planned = driver.plan(channel, changed);
        assertThat(planned.diff().getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(planned.diff().getReplacesList()).isEmpty();
        assertThat(planned.diff().getDiffsList()).contains("latencyMode", "tags");
        assertThat(planned.diff().getDetailedDiffMap().get("latencyMode").getKind()).isEqualTo(Kind.UPDATE);
        assertThat(planned.diff().getDetailedDiffMap().get("tags.cost").getKind()).isEqualTo(Kind.ADD);
        assertThat(planned.diff().getHasDetailedDiff()).isTrue();

        IVS.emulator().admin().resetRequestCounts();
        var previewed = driver.update(planned, true);
        assertThat(awsCalls()).as("AWS calls during update preview: %s", IVS.emulator().admin().requestCounts()).isZero();
        assertThat(previewed.outputs().getFieldsOrThrow("latencyMode")).isEqualTo(str("NORMAL"));

        var updated = driver.update(planned, false);
        assertThat(containsUnknown(updated.outputs())).isFalse();
        assertThat(updated.outputs().getFieldsOrThrow("latencyMode")).isEqualTo(str("NORMAL"));
        var live = IVS.ivsClient().getChannel(b -> b.arn(channel.id())).channel();
        assertThat(live.latencyMode()).isEqualTo(ChannelLatencyMode.NORMAL);
        assertThat(live.tags()).containsEntry("cost", "42");
    }

    @Test
    void replacement_recordingConfigurationName_isUpdateReplaceThenCreateNewAndDeleteOld() {
        Value destination = obj("s3", obj("bucketName", str("recordings-us-west-2")));
        var old = driver.create("ivs:index:RecordingConfiguration", "rec",
                struct("name", str("rec-a"), "destinationConfiguration", destination), false);

        var planned = driver.plan(old, struct("name", str("rec-b"), "destinationConfiguration", destination));
        assertThat(planned.diff().getReplacesList()).containsExactly("name");
        assertThat(planned.diff().getDiffsList()).containsExactly("name");
        assertThat(planned.diff().getDetailedDiffMap().get("name").getKind()).isEqualTo(Kind.UPDATE_REPLACE);

        var replacement = driver.createReplacement(old, struct("name", str("rec-b"), "destinationConfiguration", destination));
        driver.delete(old);

        assertThat(replacement.id()).isNotEqualTo(old.id());
        assertThat(replacement.outputs().getFieldsOrThrow("name")).isEqualTo(str("rec-b"));
        assertThat(driver.refresh(old).getId()).as("the old recording configuration is gone").isEmpty();
        assertThat(driver.refresh(replacement).getId()).isEqualTo(replacement.id());
    }

    @Test
    void refresh_afterOutOfBandChangeAndDelete_readsLiveStateThenEmptyId() {
        var channel = driver.create("ivs:index:Channel", "drift", channelInputs("drift", "LOW", obj()), false);
        IVS.ivsClient().updateChannel(b -> b.arn(channel.id()).latencyMode(ChannelLatencyMode.NORMAL));

        ReadResponse refreshed = driver.refresh(channel);

        assertThat(refreshed.getId()).isEqualTo(channel.id());
        assertThat(refreshed.getProperties().getFieldsOrThrow("latencyMode")).isEqualTo(str("NORMAL"));
        assertThat(refreshed.getInputs().getFieldsOrThrow("latencyMode")).isEqualTo(str("NORMAL"));
        assertThat(refreshed.getInputs().getFieldsOrThrow("name")).isEqualTo(str("drift"));

        IVS.ivsClient().deleteChannel(b -> b.arn(channel.id()));
        assertThat(driver.refresh(channel).getId()).isEmpty();
    }

    @Test
    void importByArn_existingChannel_readsFullInputsThatCheckAndDiffAccept() {
        String arn = IVS.ivsClient().createChannel(b -> b.name("imported").latencyMode(ChannelLatencyMode.LOW)
                .tags(Map.of("owner", "ops"))).channel().arn();

        ReadResponse imported = driver.importById("ivs:index:Channel", "imported", arn);

        assertThat(imported.getId()).isEqualTo(arn);
        assertThat(imported.getInputs().getFieldsOrThrow("name")).isEqualTo(str("imported"));
        assertThat(imported.getInputs().getFieldsOrThrow("latencyMode")).isEqualTo(str("LOW"));
        assertThat(imported.getProperties().getFieldsOrThrow("arn")).isEqualTo(str(arn));
        var state = new EngineDriver.State(driver.urn("ivs:index:Channel", "imported"), "ivs:index:Channel",
                imported.getId(), imported.getInputs(), imported.getProperties());
        var planned = driver.plan(state, imported.getInputs());
        assertThat(planned.diff().getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
    }

    @Test
    void importByArn_missingChannel_readsEmptyId() {
        ReadResponse imported = driver.importById("ivs:index:Channel", "ghost",
                "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGhIjKl");

        assertThat(imported.getId()).isEmpty();
    }

    @Test
    void destroy_streamKeyThenChannel_deletesBothAndSecondDeleteSucceeds() {
        var channel = driver.create("ivs:index:Channel", "gone", channelInputs("gone", "LOW", obj()), false);
        var key = driver.create("ivs:index:StreamKey", "gone-key", struct("channelArn", str(channel.id())), false);

        driver.delete(key);
        driver.delete(channel);
        driver.delete(channel); // already gone: still a success

        assertThat(driver.refresh(key).getId()).isEmpty();
        assertThat(driver.refresh(channel).getId()).isEmpty();
        assertThat(IVS.ivsClient().listChannels(b -> { }).channels()).noneMatch(c -> c.arn().equals(channel.id()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
            "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"})
    void checkAndDiff_unknownSentinelInEveryKindOfInput_areAcceptedAndReportedUnknown(String sentinel) {
        Struct unknownInputs = struct("name", str(sentinel), "latencyMode", str(sentinel),
                "authorized", str(sentinel), "tags", str(sentinel));

        var checked = driver.check("ivs:index:Channel", "u", Struct.getDefaultInstance(), unknownInputs);
        assertThat(checked.getFailuresList()).isEmpty();
        assertThat(checked.getInputs().getFieldsOrThrow("latencyMode")).isEqualTo(str(EngineDriver.UNKNOWN));

        var channel = driver.create("ivs:index:Channel", "u", channelInputs("u", "LOW", obj()), false);
        var planned = driver.plan(channel, unknownInputs);
        assertThat(planned.diff().getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(planned.diff().getDiffsList()).contains("latencyMode");
        driver.delete(channel);
    }

    @Test
    void secrets_secretInputsAndConfig_arriveUnwrappedAndLeaveWrapped() {
        var channel = driver.create("ivs:index:Channel", "sec", channelInputs("sec", "LOW", obj()), false);
        var key = driver.create("ivs:index:StreamKey", "sec-key",
                struct("channelArn", secret(str(channel.id())), "tags", obj("env", secret(str("prod")))), false);

        assertThat(key.id()).contains(":stream-key/");
        assertThat(isSecret(key.outputs().getFieldsOrThrow("value"))).isTrue();

        var found = PLUGIN.plugin().stub().invoke(InvokeRequest.newBuilder().setTok("ivs:index:getStreamKey")
                .setArgs(struct("arn", str(key.id()))).build());
        assertThat(found.getFailuresList()).isEmpty();
        assertThat(isSecret(found.getReturn().getFieldsOrThrow("value"))).as("getStreamKey value is secret").isTrue();
        assertThat(unwrapSecret(found.getReturn().getFieldsOrThrow("value")))
                .isEqualTo(unwrapSecret(key.outputs().getFieldsOrThrow("value")));
        assertThat(PLUGIN.plugin().stderr()).doesNotContain(unwrapSecret(key.outputs().getFieldsOrThrow("value")).getStringValue());
    }

    @Test
    void partialFailure_recordingConfigurationNotActiveWithinCustomTimeout_isErrorResourceInitFailedWithId() throws Exception {
        IVS.emulator().setActivationDelay(Duration.ofSeconds(30));
        try {
            Struct inputs = struct("name", str("slow"), "destinationConfiguration",
                    obj("s3", obj("bucketName", str("recordings-us-west-2"))));

            assertThatThrownBy(() -> driver.create("ivs:index:RecordingConfiguration", "slow", inputs, false, 1))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                        ErrorResourceInitFailed detail;
                        try {
                            detail = StatusProto.fromThrowable(failure).getDetails(0).unpack(ErrorResourceInitFailed.class);
                        } catch (com.google.protobuf.InvalidProtocolBufferException notThatDetail) {
                            throw new AssertionError(notThatDetail);
                        }
                        assertThat(detail.getId()).contains(":recording-configuration/");
                        assertThat(detail.getProperties().getFieldsOrThrow("arn")).isEqualTo(str(detail.getId()));
                        assertThat(detail.getReasonsList()).isNotEmpty();
                    });
            assertThat(IVS.ivsClient().listRecordingConfigurations(b -> { }).recordingConfigurations())
                    .as("the half-created recording configuration is reported, not leaked").hasSize(1);
        } finally {
            IVS.emulator().setActivationDelay(Duration.ofMillis(50));
        }
    }

    @Test
    void engineLog_recordingConfigurationDeletedWhileAttached_warningReachesTheEngine() {
        IVS.emulator().setActivationDelay(Duration.ofMillis(10));
        var recording = driver.create("ivs:index:RecordingConfiguration", "rec", struct("name", str("rec"),
                "destinationConfiguration", obj("s3", obj("bucketName", str("recordings-us-west-2")))), false);
        var channel = driver.create("ivs:index:Channel", "attached", struct("name", str("attached"),
                "recordingConfigurationArn", str(recording.id())), false);

        assertThat(IVS.ivsClient().getChannel(b -> b.arn(channel.id())).channel().recordingConfigurationArn())
                .isEqualTo(recording.id());

        driver.delete(recording);

        assertThat(IVS.ivsClient().getChannel(b -> b.arn(channel.id())).channel().recordingConfigurationArn()).isEmpty();
        EngineLogRecorder.eventually(() -> assertThat(PLUGIN.engine().messages()).as(PLUGIN.plugin().stderr()).anySatisfy(message -> {
            assertThat(message.getMessage()).contains(channel.id());
            assertThat(message.getUrn()).isEqualTo(recording.urn());
        }));
    }
}
