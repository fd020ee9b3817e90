package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestKeys;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.pulumi.value.Unknown;
import com.ivsstack.provider.schema.BundledSchema;
import com.ivsstack.pulumi.schema.PackageSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle every resource type must pass, against the emulator through the real SDK client: create, read equals
 * what was declared, no-op diff, in-place update keeps the ARN, replace gives a new ARN, delete, deleted out of band
 * reads as gone, import by ARN reads back inputs that diff clean.
 */
class LifecycleTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;

    /** What a resource refers to, made fresh for each scenario: a channel, two stages, a storage configuration. */
    record Parents(String channel, String stage, String otherStage, String storage) {
        static Parents create() {
            var realTime = IVS.realTimeClient();
            return new Parents(IVS.ivsClient().createChannel(b -> b.name("parent")).channel().arn(),
                    realTime.createStage(b -> b.name("parent")).stage().arn(),
                    realTime.createStage(b -> b.name("other-parent")).stage().arn(),
                    realTime.createStorageConfiguration(b -> b.s3(s -> s.bucketName("participants"))).storageConfiguration().arn());
        }
    }

    /** One resource type's scenario; inputs are built from fresh parents where they need them. */
    record Scenario(String token, Function<Parents, Map<String, Object>> declared,
                    Function<Parents, Map<String, Object>> inPlaceChange, Function<Parents, Map<String, Object>> replacingChange,
                    BiConsumer<IvsEmulatorExtension, String> deleteOutOfBand) {
        @Override
        public String toString() {
            return token;
        }
    }

    static Stream<Arguments> scenarios() {
        String key = TestKeys.ecdsaPublicKeyPem();
        String otherKey = TestKeys.ecdsaPublicKeyPem();
        return Stream.of(
                new Scenario(ChannelResource.TOKEN,
                        c -> Map.of("name", "lifecycle", "type", "BASIC", "tags", Map.of("k", "v")),
                        c -> Map.of("name", "lifecycle", "type", "STANDARD", "insecureIngest", true, "tags", Map.of("k", "w")),
                        null,
                        (ivs, arn) -> ivs.ivsClient().deleteChannel(b -> b.arn(arn))),
                new Scenario(StreamKeyResource.TOKEN,
                        p -> Map.of("channelArn", p.channel(), "tags", Map.of("k", "v")),
                        p -> Map.of("channelArn", p.channel(), "tags", Map.of("k", "w", "x", "y")),
                        p -> Map.of("channelArn", p.channel(), "rotation", "2026-11", "tags", Map.of("k", "w", "x", "y")),
                        (ivs, arn) -> ivs.ivsClient().deleteStreamKey(b -> b.arn(arn))),
                new Scenario(RecordingConfigurationResource.TOKEN,
                        c -> Map.of("name", "rec", "destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings")),
                                "thumbnailConfiguration", Map.of("targetIntervalSeconds", 30, "resolution", "HD")),
                        c -> Map.of("name", "rec", "destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings")),
                                "thumbnailConfiguration", Map.of("targetIntervalSeconds", 30, "resolution", "HD"),
                                "tags", Map.of("k", "v")),
                        c -> Map.of("name", "rec", "destinationConfiguration", Map.of("s3", Map.of("bucketName", "recordings-2")),
                                "thumbnailConfiguration", Map.of("targetIntervalSeconds", 30, "resolution", "HD")),
                        (ivs, arn) -> ivs.ivsClient().deleteRecordingConfiguration(b -> b.arn(arn))),
                new Scenario(PlaybackKeyPairResource.TOKEN,
                        c -> Map.of("name", "viewer-tokens", "publicKeyMaterial", key),
                        c -> Map.of("name", "viewer-tokens", "publicKeyMaterial", key, "tags", Map.of("k", "v")),
                        c -> Map.of("name", "viewer-tokens", "publicKeyMaterial", otherKey),
                        (ivs, arn) -> ivs.ivsClient().deletePlaybackKeyPair(b -> b.arn(arn))),
                new Scenario(PlaybackRestrictionPolicyResource.TOKEN,
                        c -> Map.of("name", "geo", "allowedCountries", java.util.List.of("US", "DE")),
                        c -> Map.of("name", "geo-2", "allowedCountries", java.util.List.of("FR"),
                                "allowedOrigins", java.util.List.of("https://example.com"), "enableStrictOriginEnforcement", true),
                        null,
                        (ivs, arn) -> ivs.ivsClient().deletePlaybackRestrictionPolicy(b -> b.arn(arn))),
                new Scenario(EncoderConfigurationResource.TOKEN,
                        c -> Map.of("name", "hd", "video", Map.of("width", 1920, "height", 1080)),
                        c -> Map.of("name", "hd", "video", Map.of("width", 1920, "height", 1080), "tags", Map.of("k", "v")),
                        c -> Map.of("name", "hd", "video", Map.of("width", 1280, "height", 720, "framerate", 60)),
                        (ivs, arn) -> ivs.realTimeClient().deleteEncoderConfiguration(b -> b.arn(arn))),
                new Scenario(StorageConfigurationResource.TOKEN,
                        c -> Map.of("name", "store", "s3", Map.of("bucketName", "compositions")),
                        c -> Map.of("name", "store", "s3", Map.of("bucketName", "compositions"), "tags", Map.of("k", "v")),
                        c -> Map.of("name", "store-2", "s3", Map.of("bucketName", "compositions")),
                        (ivs, arn) -> ivs.realTimeClient().deleteStorageConfiguration(b -> b.arn(arn))),
                new Scenario(StageResource.TOKEN,
                        p -> Map.of("name", "studio", "tags", Map.of("k", "v"), "autoParticipantRecordingConfiguration",
                                Map.of("storageConfigurationArn", p.storage(), "mediaTypes", List.of("AUDIO_ONLY"),
                                        "thumbnailConfiguration", Map.of("recordingMode", "INTERVAL", "targetIntervalSeconds", 20))),
                        p -> Map.of("name", "studio-2", "tags", Map.of("k", "w"), "autoParticipantRecordingConfiguration",
                                Map.of("storageConfigurationArn", p.storage(), "recordingReconnectWindowSeconds", 30,
                                        "hlsConfiguration", Map.of("targetSegmentDurationSeconds", 2))),
                        null,
                        (ivs, arn) -> ivs.realTimeClient().deleteStage(b -> b.arn(arn))),
                new Scenario(IngestConfigurationResource.TOKEN,
                        p -> Map.of("name", "encoder", "stageArn", p.stage(), "userId", "studio", "attributes",
                                Map.of("role", "host"), "tags", Map.of("k", "v")),
                        p -> Map.of("name", "encoder", "stageArn", p.otherStage(), "userId", "studio", "attributes",
                                Map.of("role", "host"), "tags", Map.of("k", "w")),
                        p -> Map.of("name", "encoder", "stageArn", p.otherStage(), "userId", "studio", "attributes",
                                Map.of("role", "host"), "tags", Map.of("k", "w"), "ingestProtocol", "RTMP", "insecureIngest", true),
                        (ivs, arn) -> ivs.realTimeClient().deleteIngestConfiguration(b -> b.arn(arn))),
                new Scenario(PublicKeyResource.TOKEN,
                        p -> Map.of("name", "participant-tokens", "publicKeyMaterial", key),
                        p -> Map.of("name", "participant-tokens", "publicKeyMaterial", key, "tags", Map.of("k", "v")),
                        p -> Map.of("name", "participant-tokens", "publicKeyMaterial", otherKey),
                        (ivs, arn) -> ivs.realTimeClient().deletePublicKey(b -> b.arn(arn)))
        ).map(Arguments::of);
    }

    @Test
    void scenarios_coverEveryResourceTypeOfTheSchema() {
        assertThat(scenarios().map(arguments -> ((Scenario) arguments.get()[0]).token()))
                .containsExactlyInAnyOrderElementsOf(BundledSchema.load().resourceTokens());
    }

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of());
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lifecycle_everyResourceType_behavesAsDeclared(Scenario scenario) {
        var parents = Parents.create();
        var resource = new ResourceHarness(provider, scenario.token(), "lifecycle");
        var admin = IVS.emulator().admin();

        var inputs = resource.check(scenario.declared().apply(parents));
        long requestsBefore = admin.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        var preview = resource.preview(inputs);
        assertThat(preview.outputs()).containsEntry("arn", Unknown.VALUE);
        assertThat(admin.requestCounts().values().stream().mapToLong(Long::longValue).sum())
                .as("preview makes no AWS call").isEqualTo(requestsBefore);

        var created = resource.create(inputs);
        String arn = created.id();
        assertThat(created.outputs()).containsEntry("arn", arn);

        var read = resource.read(arn, inputs, created.outputs());
        assertThat(read.id()).isEqualTo(arn);
        assertThat(resource.read("", inputs, java.util.Map.of()).id())
                .as("an empty id finds what this URN created, by the ownership tag").isEqualTo(arn);
        for (var entry : inputs.entrySet()) {
            assertThat(com.ivsstack.pulumi.value.PropertyValues.same(read.outputs().get(entry.getKey()), entry.getValue())
                    || List.of("thumbnailConfiguration", "video", "autoParticipantRecordingConfiguration").contains(entry.getKey()))
                    .as("output %s equals declared %s, read %s", entry.getKey(), entry.getValue(), read.outputs().get(entry.getKey()))
                    .isTrue();
        }
        assertThat(resource.diff(arn, inputs, created.outputs(), inputs).hasChanges()).as("no-op diff").isFalse();
        assertThat(resource.diff(arn, read.inputs(), read.outputs(), inputs).hasChanges()).as("diff after refresh").isFalse();

        var imported = resource.importById(arn);
        assertThat(imported.exists()).isTrue();
        var redeclared = resource.check(scenario.declared().apply(parents));
        assertThat(resource.diff(arn, imported.inputs(), imported.outputs(), redeclared).detailedDiff())
                .as("import diffs clean").isEmpty();

        var inPlace = resource.check(scenario.inPlaceChange().apply(parents));
        var updateDiff = resource.diff(arn, inputs, created.outputs(), inPlace);
        assertThat(updateDiff.hasChanges()).isTrue();
        assertThat(updateDiff.requiresReplacement()).as("in-place change %s", updateDiff.detailedDiff()).isFalse();
        var updated = resource.update(arn, inputs, created.outputs(), inPlace);
        assertThat(updated.outputs()).containsEntry("arn", arn);
        var afterUpdate = resource.read(arn, inPlace, updated.outputs());
        assertThat(resource.diff(arn, afterUpdate.inputs(), afterUpdate.outputs(), inPlace).hasChanges()).isFalse();

        var current = inPlace;
        var currentOutputs = updated.outputs();
        if (scenario.replacingChange() != null) {
            var replacing = resource.check(scenario.replacingChange().apply(parents));
            var replaceDiff = resource.diff(arn, inPlace, updated.outputs(), replacing);
            assertThat(replaceDiff.requiresReplacement()).as("replacing change %s", replaceDiff.detailedDiff()).isTrue();
            if (replaceDiff.deleteBeforeReplace()) {
                resource.delete(arn, inPlace, updated.outputs());
            }
            var replacement = resource.create(replacing);
            assertThat(replacement.id()).isNotEqualTo(arn);
            if (!replaceDiff.deleteBeforeReplace()) {
                resource.delete(arn, inPlace, updated.outputs());
            }
            assertThat(resource.read(arn, inPlace, updated.outputs()).exists()).isFalse();
            arn = replacement.id();
            current = replacing;
            currentOutputs = replacement.outputs();
        }

        resource.delete(arn, current, currentOutputs);
        assertThat(resource.read(arn, current, currentOutputs).exists()).as("deleted reads as gone").isFalse();
        assertThat(resource.read("", current, java.util.Map.of()).exists()).as("nothing owned any more").isFalse();
        resource.delete(arn, current, currentOutputs);

        var again = resource.create(resource.check(scenario.declared().apply(parents)));
        scenario.deleteOutOfBand().accept(IVS, again.id());
        assertThat(resource.read(again.id(), current, again.outputs()).exists()).as("deleted out of band reads as gone").isFalse();
    }
}
