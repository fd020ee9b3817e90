package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.pulumi.value.Secret;
import com.ivsstack.pulumi.value.Unknown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelLifecycleTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private IvsProvider provider;
    private ResourceHarness channel;

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, new TestProviders.RecordingLog(), Map.of("defaultTags", Map.of("team", "video")));
        channel = new ResourceHarness(provider, ChannelResource.TOKEN, "main");
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void lifecycle_declaredChannel_createsReadsUpdatesInPlaceAndDeletes() {
        var inputs = channel.check(Map.of("name", "show", "latencyMode", "NORMAL", "tags", Map.of("env", "test")));
        assertThat(inputs).containsEntry("type", "STANDARD").containsEntry("authorized", false)
                .containsEntry("tags", Map.of("team", "video", "env", "test"));

        long before = IVS.emulator().admin().requestCount("CreateChannel");
        var preview = channel.preview(inputs);
        assertThat(preview.id()).isEmpty();
        assertThat(preview.outputs()).containsEntry("arn", Unknown.VALUE).containsEntry("name", "show");
        assertThat(IVS.emulator().admin().requestCount("CreateChannel")).isEqualTo(before);

        var created = channel.create(inputs);
        String arn = created.id();
        assertThat(arn).startsWith("arn:aws:ivs:us-west-2:");
        assertThat(created.outputs().get("streamKeyValue")).isInstanceOf(Secret.class);
        assertThat(created.outputs().get("srt")).isInstanceOf(Secret.class);
        var srt = (Map<?, ?>) ((Secret) created.outputs().get("srt")).value();
        assertThat(srt.get("passphrase")).as("no secret nested in a secret").isInstanceOf(String.class);
        assertThat(srt.get("endpoint")).isInstanceOf(String.class);
        assertThat(created.outputs()).containsEntry("tags", Map.of("team", "video", "env", "test"));

        var read = channel.read(arn, inputs, created.outputs());
        assertThat(read.id()).isEqualTo(arn);
        assertThat(channel.diff(arn, read.inputs(), read.outputs(), inputs).hasChanges()).isFalse();
        assertThat(channel.diff(arn, inputs, created.outputs(), inputs).hasChanges()).isFalse();

        var changed = channel.check(Map.of("name", "show-2", "latencyMode", "LOW", "tags", Map.of("env", "prod")));
        var diff = channel.diff(arn, inputs, created.outputs(), changed);
        assertThat(diff.requiresReplacement()).isFalse();
        assertThat(diff.detailedDiff()).containsEntry("name", PropertyDiff.of(PropertyDiff.Kind.UPDATE))
                .containsEntry("tags.env", PropertyDiff.of(PropertyDiff.Kind.UPDATE));
        var updated = channel.update(arn, inputs, created.outputs(), changed);
        assertThat(updated.outputs()).containsEntry("arn", arn).containsEntry("name", "show-2")
                .containsEntry("latencyMode", "LOW").containsEntry("tags", Map.of("team", "video", "env", "prod"));

        channel.delete(arn, changed, updated.outputs());
        assertThat(channel.read(arn, changed, updated.outputs()).exists()).isFalse();
        channel.delete(arn, changed, updated.outputs()); // already gone: success
    }

    @Test
    void read_deletedOutOfBand_isGone(IvsClient ivs) {
        var inputs = channel.check(Map.of("name", "gone"));
        var created = channel.create(inputs);
        ivs.deleteChannel(b -> b.arn(created.id()));
        assertThat(channel.read(created.id(), inputs, created.outputs()).exists()).isFalse();
    }

    @Test
    void importById_existingChannel_readsInputsThatDiffClean() {
        var declared = new LinkedHashMap<String, Object>(Map.of("name", "imported", "type", "ADVANCED_HD",
                "authorized", true, "tags", Map.of("env", "test")));
        var inputs = channel.check(declared);
        var created = channel.create(inputs);

        var imported = channel.importById(created.id());
        assertThat(imported.exists()).isTrue();
        assertThat(imported.inputs()).containsEntry("name", "imported").containsEntry("type", "ADVANCED_HD")
                .doesNotContainKey("ownership");
        var recheck = channel.check(declared);
        assertThat(channel.diff(created.id(), imported.inputs(), imported.outputs(), recheck).detailedDiff()).isEmpty();
    }

    @Test
    void read_emptyIdAfterCrash_findsTheChannelByOwnershipTag(IvsClient ivs) {
        var inputs = channel.check(Map.of("name", "orphan"));
        var created = channel.create(inputs);
        assertThat(ivs.getChannel(b -> b.arn(created.id())).channel().tags()).containsEntry(Ownership.TAG_KEY, channel.urn);
        assertThat(created.outputs().get("tags")).isEqualTo(Map.of("team", "video"));

        var found = channel.read("", inputs, Map.of());
        assertThat(found.id()).isEqualTo(created.id());

        channel.delete(created.id(), inputs, created.outputs());
        assertThat(channel.read("", inputs, Map.of()).exists()).isFalse();
    }

    @Test
    void update_tagsOnly_keepsOwnershipTag(IvsClient ivs) {
        var inputs = channel.check(Map.of("name", "tagged", "tags", Map.of("a", "1", "b", "2")));
        var created = channel.create(inputs);
        var changed = channel.check(Map.of("name", "tagged", "tags", Map.of("a", "1", "c", "3")));
        channel.update(created.id(), inputs, created.outputs(), changed);
        assertThat(ivs.getChannel(b -> b.arn(created.id())).channel().tags())
                .containsEntry("a", "1").containsEntry("c", "3").doesNotContainKey("b")
                .containsEntry(Ownership.TAG_KEY, channel.urn).containsEntry("team", "video");
    }

    @Test
    void update_advancedToStandard_dropsThePresetWithoutPerpetualDiff() {
        var inputs = channel.check(Map.of("name", "adv", "type", "ADVANCED_SD", "preset", "CONSTRAINED_BANDWIDTH_DELIVERY"));
        var created = channel.create(inputs);
        assertThat(created.outputs()).containsEntry("preset", "CONSTRAINED_BANDWIDTH_DELIVERY");
        var standard = channel.check(Map.of("name", "adv", "type", "STANDARD"));
        var updated = channel.update(created.id(), inputs, created.outputs(), standard);
        assertThat(updated.outputs()).containsEntry("type", "STANDARD").doesNotContainKey("preset");
        var read = channel.read(created.id(), standard, updated.outputs());
        assertThat(channel.diff(created.id(), read.inputs(), read.outputs(), standard).hasChanges()).isFalse();
    }

    @Test
    void create_multitrack_roundTripsWithoutDiff() {
        var inputs = channel.check(Map.of("containerFormat", "FRAGMENTED_MP4", "multitrackInputConfiguration",
                Map.of("enabled", true, "maximumResolution", "HD", "policy", "REQUIRE")));
        var created = channel.create(inputs);
        assertThat(created.outputs()).containsEntry("multitrackInputConfiguration",
                Map.of("enabled", true, "maximumResolution", "HD", "policy", "REQUIRE"));
        var imported = channel.importById(created.id());
        assertThat(channel.diff(created.id(), imported.inputs(), imported.outputs(), inputs).hasChanges()).isFalse();
        var off = channel.check(Map.of("containerFormat", "TS"));
        var updated = channel.update(created.id(), inputs, created.outputs(), off);
        assertThat(updated.outputs()).containsEntry("containerFormat", "TS");
    }
}
