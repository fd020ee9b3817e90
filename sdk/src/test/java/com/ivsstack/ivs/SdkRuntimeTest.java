package com.ivsstack.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.ivs.enums.ChannelLatencyMode;
import com.ivsstack.ivs.enums.ChannelType;
import com.ivsstack.ivs.enums.MultitrackMaximumResolution;
import com.ivsstack.ivs.enums.MultitrackPolicy;
import com.ivsstack.ivs.enums.RecordingConfigurationState;
import com.ivsstack.ivs.enums.RenditionSelection;
import com.ivsstack.ivs.inputs.ChannelMultitrackInputConfigurationArgs;
import com.ivsstack.ivs.inputs.GetChannelArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationDestinationConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationRenditionConfigurationArgs;
import com.ivsstack.ivs.inputs.RecordingConfigurationS3DestinationConfigurationArgs;
import com.ivsstack.ivs.outputs.ChannelSrt;
import com.ivsstack.ivs.outputs.GetChannelResult;
import com.ivsstack.ivs.realtime.EncoderConfiguration;
import com.ivsstack.ivs.realtime.EncoderConfigurationArgs;
import com.ivsstack.ivs.realtime.inputs.EncoderConfigurationVideoArgs;
import com.ivsstack.ivs.realtime.outputs.EncoderConfigurationVideo;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated SDK under the real Pulumi Java runtime (with mocks for the engine): inputs serialize to
 * the schema's wire shape, and outputs, nested output types, enums and invoke results deserialize.
 */
class SdkRuntimeTest {

    /** Echoes inputs, adds what IVS computes, and remembers every registration's serialized inputs. */
    private static final class EchoMocks implements Mocks {
        final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
        final Map<String, Object> computed;
        final Map<String, Object> invokeResult;

        EchoMocks(Map<String, Object> computed, Map<String, Object> invokeResult) {
            this.computed = computed;
            this.invokeResult = invokeResult;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            inputs.put(args.name, args.inputs);
            Map<String, Object> state = new LinkedHashMap<>(args.inputs);
            state.putAll(computed);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("arn:" + args.name), state));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.completedFuture(invokeResult);
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void channel_argsWithEnumsAndNestedType_serializeToSchemaWireShape() {
        var mocks = new EchoMocks(Map.of(), Map.of());

        PulumiTest.withMocks(mocks).runTest(ctx -> new Channel("main", ChannelArgs.builder()
                .type(ChannelType.Standard)
                .latencyMode(ChannelLatencyMode.Normal)
                .multitrackInputConfiguration(ChannelMultitrackInputConfigurationArgs.builder()
                        .enabled(true)
                        .policy(MultitrackPolicy.Require)
                        .maximumResolution(MultitrackMaximumResolution.FullHd)
                        .build())
                .tags(Map.of("team", "video"))
                .build())).throwOnError();

        assertThat(mocks.inputs.get("main"))
                .containsEntry("type", "STANDARD")
                .containsEntry("latencyMode", "NORMAL")
                .containsEntry("multitrackInputConfiguration",
                        Map.of("enabled", true, "policy", "REQUIRE", "maximumResolution", "FULL_HD"))
                .containsEntry("tags", Map.of("team", "video"))
                // schema defaults the builder applies
                .containsEntry("authorized", false)
                .containsEntry("containerFormat", "TS");
    }

    @Test
    void channel_outputs_deserializeIntoNestedTypesAndEnums() {
        var mocks = new EchoMocks(Map.of("arn", "arn:aws:ivs:us-west-2:1:channel/a",
                "srt", Map.of("endpoint", "srt.example", "passphrase", "pass"),
                "playbackUrl", "https://play", "ingestEndpoint", "ingest", "streamKeyValue", "sk_secret"), Map.of());
        var srt = new AtomicReference<Output<Optional<ChannelSrt>>>();
        var latency = new AtomicReference<Output<ChannelLatencyMode>>();

        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var channel = new Channel("main", ChannelArgs.builder().latencyMode(ChannelLatencyMode.Low).build());
            srt.set(channel.srt());
            latency.set(channel.latencyMode());
        }).throwOnError();

        assertThat(value(srt.get())).hasValueSatisfying(s -> {
            assertThat(s.endpoint()).contains("srt.example");
            assertThat(s.passphrase()).contains("pass");
        });
        assertThat(value(latency.get())).isEqualTo(ChannelLatencyMode.Low);
    }

    @Test
    void recordingConfiguration_stateOutput_deserializesToTheEnum() {
        var mocks = new EchoMocks(Map.of("arn", "arn:rc", "state", "ACTIVE"), Map.of());
        var state = new AtomicReference<Output<RecordingConfigurationState>>();

        PulumiTest.withMocks(mocks).runTest(ctx -> state.set(new RecordingConfiguration("rc", RecordingConfigurationArgs.builder()
                .destinationConfiguration(RecordingConfigurationDestinationConfigurationArgs.builder()
                        .s3(RecordingConfigurationS3DestinationConfigurationArgs.builder().bucketName("b").build())
                        .build())
                .renditionConfiguration(RecordingConfigurationRenditionConfigurationArgs.builder()
                        .renditionSelection(RenditionSelection.All).build())
                .build()).state())).throwOnError();

        assertThat(value(state.get())).isEqualTo(RecordingConfigurationState.Active);
        assertThat(mocks.inputs.get("rc")).containsEntry("recordingReconnectWindowSeconds", 0.0);
    }

    @Test
    void encoderConfiguration_nestedDefaults_areAppliedAndReadBack() {
        var mocks = new EchoMocks(Map.of("arn", "arn:enc"), Map.of());
        var video = new AtomicReference<Output<EncoderConfigurationVideo>>();

        PulumiTest.withMocks(mocks).runTest(ctx -> video.set(new EncoderConfiguration("enc", EncoderConfigurationArgs.builder()
                .video(EncoderConfigurationVideoArgs.builder().width(1920).height(1080).build())
                .build()).video())).throwOnError();

        assertThat(mocks.inputs.get("enc")).containsEntry("video",
                Map.of("width", 1920.0, "height", 1080.0, "framerate", 30.0, "bitrate", 2_500_000.0));
        EncoderConfigurationVideo read = value(video.get());
        assertThat(read.width()).contains(1920);
        assertThat(read.framerate()).contains(30.0);
    }

    @Test
    void getChannel_invokeResult_deserializesIntoTheResultType() {
        var mocks = new EchoMocks(Map.of(), Map.ofEntries(Map.entry("arn", "arn:ch"), Map.entry("name", "main"),
                Map.entry("type", "BASIC"), Map.entry("latencyMode", "LOW"), Map.entry("authorized", false),
                Map.entry("insecureIngest", false), Map.entry("containerFormat", "TS"), Map.entry("ingestEndpoint", "ingest"),
                Map.entry("playbackUrl", "https://play"), Map.entry("recordingConfigurationArn", ""),
                Map.entry("playbackRestrictionPolicyArn", ""), Map.entry("tags", Map.of())));
        var result = new AtomicReference<Output<GetChannelResult>>();

        PulumiTest.withMocks(mocks).runTest(ctx -> result.set(IvsFunctions.getChannel(GetChannelArgs.builder()
                .arn("arn:ch").build()))).throwOnError();

        GetChannelResult channel = value(result.get());
        assertThat(channel.arn()).isEqualTo("arn:ch");
        assertThat(channel.type()).isEqualTo(ChannelType.Basic);
        assertThat(channel.playbackUrl()).isEqualTo("https://play");
    }

    private static <T> T value(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }
}
