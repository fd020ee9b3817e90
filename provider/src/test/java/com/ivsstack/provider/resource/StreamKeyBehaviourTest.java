package com.ivsstack.provider.resource;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.TestProviders;
import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.pulumi.value.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamKeyBehaviourTest {

    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private final TestProviders.RecordingLog log = new TestProviders.RecordingLog();
    private IvsProvider provider;
    private ResourceHarness streamKey;

    @BeforeEach
    void setUp() {
        provider = TestProviders.against(IVS, log, Map.of());
        streamKey = new ResourceHarness(provider, StreamKeyResource.TOKEN, "key");
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void create_channelAlreadyHasKey_adoptsItInsteadOfFailing(IvsClient ivs) {
        var channel = ivs.createChannel(b -> b.name("with-key"));
        var inputs = streamKey.check(Map.of("channelArn", channel.channel().arn(), "tags", Map.of("owner", "me")));

        var created = streamKey.create(inputs);

        assertThat(created.id()).isEqualTo(channel.streamKey().arn());
        assertThat(created.outputs().get("value")).isEqualTo(new Secret(channel.streamKey().value()));
        assertThat(ivs.listStreamKeys(b -> b.channelArn(channel.channel().arn())).streamKeys()).hasSize(1);
        assertThat(ivs.listTagsForResource(b -> b.resourceArn(created.id())).tags())
                .containsEntry("owner", "me").containsEntry(Ownership.TAG_KEY, streamKey.urn);
        assertThat(IVS.emulator().admin().requestCount("CreateStreamKey")).isZero();
    }

    @Test
    void rotation_changed_replacesKeyDeletingFirstAndGivesNewValue(IvsClient ivs) {
        var channel = ivs.createChannel(b -> b.name("rotating"));
        String channelArn = channel.channel().arn();
        var inputs = streamKey.check(Map.of("channelArn", channelArn, "rotation", "1"));
        var created = streamKey.create(inputs);
        var rotated = streamKey.check(Map.of("channelArn", channelArn, "rotation", "2"));

        var diff = streamKey.diff(created.id(), inputs, created.outputs(), rotated);
        assertThat(diff.detailedDiff()).containsExactly(Map.entry("rotation", PropertyDiff.of(PropertyDiff.Kind.UPDATE_REPLACE)));
        assertThat(diff.deleteBeforeReplace()).isTrue();

        streamKey.delete(created.id(), inputs, created.outputs());
        var replacement = streamKey.create(rotated);

        assertThat(replacement.id()).isNotEqualTo(created.id());
        assertThat(Secret.unwrap(replacement.outputs().get("value"))).isNotEqualTo(channel.streamKey().value());
        assertThat(replacement.outputs()).containsEntry("rotation", "2");
        assertThat(ivs.listStreamKeys(b -> b.channelArn(channelArn)).streamKeys()).hasSize(1);

        var channelResource = new ResourceHarness(provider, ChannelResource.TOKEN, "rotating");
        var channelRead = channelResource.read(channelArn, Map.of(), Map.of("streamKeyArn", created.id()));
        assertThat(channelRead.outputs()).containsEntry("streamKeyArn", replacement.id());
    }

    @Test
    void create_keyAlreadyManagedByAnotherResource_warnsNamingIt(IvsClient ivs) {
        var channel = ivs.createChannel(b -> b.name("shared"));
        ivs.tagResource(b -> b.resourceArn(channel.streamKey().arn()).tags(Map.of(Ownership.TAG_KEY, "urn:other")));
        streamKey.create(streamKey.check(Map.of("channelArn", channel.channel().arn())));
        assertThat(log.warnings()).anyMatch(w -> w.contains("already managed by urn:other"));
    }

    @Test
    void create_channelKeyOwnedByTheResourceBeingReplacedCreateFirst_rotatesItInsteadOfAdopting(IvsClient ivs) {
        var channel = ivs.createChannel(b -> b.name("create-first"));
        String channelArn = channel.channel().arn();
        var inputs = streamKey.check(Map.of("channelArn", channelArn, "rotation", "1"));
        var old = streamKey.create(inputs);
        var rotated = streamKey.check(Map.of("channelArn", channelArn, "rotation", "2"));

        // a user-forced create-before-delete replacement: create the new key (same URN), then delete the old one
        var replacement = streamKey.create(rotated);
        streamKey.delete(old.id(), inputs, old.outputs());

        assertThat(replacement.id()).isNotEqualTo(old.id());
        assertThat(Secret.unwrap(replacement.outputs().get("value"))).isNotEqualTo(Secret.unwrap(old.outputs().get("value")));
        assertThat(ivs.listStreamKeys(b -> b.channelArn(channelArn)).streamKeys()).singleElement()
                .satisfies(key -> assertThat(key.arn()).isEqualTo(replacement.id()));
        assertThat(streamKey.read(replacement.id(), rotated, replacement.outputs()).exists()).isTrue();
        assertThat(ivs.listTagsForResource(b -> b.resourceArn(replacement.id())).tags())
                .containsEntry(Ownership.TAG_KEY, streamKey.urn);
        assertThat(log.messages()).anyMatch(m -> m.contains("rotating the stream key " + old.id())
                && m.contains("belongs to the resource being replaced"));
    }
}
