package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.Fixtures;
import com.ivsstack.emulator.support.Fixtures.Taggable;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ValidationException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

class TagTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    static Stream<Taggable> taggables() {
        return Fixtures.taggables();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taggables")
    void tagLifecycle_everyTaggableType_tagsListUntag(Taggable type, IvsClient ivs, IvsRealTimeClient rt) {
        String arn = type.create().apply(ivs, rt);

        if (type.realTime()) {
            rt.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "test", "team", "video")));
            rt.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "prod")));
            assertThat(rt.listTagsForResource(b -> b.resourceArn(arn)).tags())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("env", "prod", "team", "video"));
            rt.untagResource(b -> b.resourceArn(arn).tagKeys("env", "absent"));
            assertThat(rt.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("team", "video"));
        } else {
            ivs.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "test", "team", "video")));
            ivs.tagResource(b -> b.resourceArn(arn).tags(Map.of("env", "prod")));
            assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("env", "prod", "team", "video"));
            ivs.untagResource(b -> b.resourceArn(arn).tagKeys("env", "absent"));
            assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("team", "video"));
        }
    }

    @Test
    void tagResource_everyCharacterTheTaggingRuleAllows_roundTrips(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();
        Map<String, String> tags = Map.of("a b/c:d+e=f_g.h-i@j", "Zoë 東京 ٣ _.:/=+-@", "empty", "");

        ivs.tagResource(b -> b.resourceArn(arn).tags(tags));
        assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(tags);
        ivs.untagResource(b -> b.resourceArn(arn).tagKeys("a b/c:d+e=f_g.h-i@j"));

        assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("empty", ""));
    }

    static Stream<Map<String, String>> tagsBreakingTheTaggingRule() {
        return Stream.of(Map.of("a#b", "v"), Map.of("key", "emoji \ud83d\ude00"), Map.of("key", "a&b"),
                Map.of("tab\tkey", "v"), Map.of("AWS:Owner", "me"), Map.of("", "v"));
    }

    @ParameterizedTest
    @MethodSource("tagsBreakingTheTaggingRule")
    void tagResource_tagBreakingTheTaggingRule_validationErrorNamingTheTag(Map<String, String> tags, IvsClient ivs,
                                                                         IvsRealTimeClient rt) {
        String channel = ivs.createChannel(b -> { }).channel().arn();
        String stage = rt.createStage(b -> { }).stage().arn();

        assertThatThrownBy(() -> ivs.tagResource(b -> b.resourceArn(channel).tags(tags)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tags");
        assertThatThrownBy(() -> rt.tagResource(b -> b.resourceArn(stage).tags(tags)))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ValidationException.class)
                .hasMessageContaining("tags");
        assertThatThrownBy(() -> ivs.createChannel(b -> b.tags(tags))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> rt.createStage(b -> b.tags(tags)))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ValidationException.class);
        assertThat(ivs.listTagsForResource(b -> b.resourceArn(channel)).tags()).isEmpty();
        assertThat(ivs.listChannels(b -> { }).channels()).hasSize(1);
    }

    @Test
    void untagResource_keyBreakingTheTaggingRule_validationError(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.untagResource(b -> b.resourceArn(arn).tagKeys("a#b")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tagKeys");
    }

    @Test
    void tagResource_tagsOnCreate_visibleInListTags(IvsClient ivs) {
        String arn = ivs.createChannel(b -> b.tags(Map.of("created", "yes"))).channel().arn();

        assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsEntry("created", "yes");
    }

    @Test
    void tagResource_moreThan50InTotal_validationErrorAndNothingChanges(IvsClient ivs) {
        Map<String, String> forty = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            forty.put("key" + i, "v");
        }
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("other" + i, "v");
        }
        String arn = ivs.createChannel(b -> b.tags(forty)).channel().arn();

        assertThatThrownBy(() -> ivs.tagResource(b -> b.resourceArn(arn).tags(eleven)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("50");
        assertThat(ivs.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(40);
    }

    @Test
    void tagResource_reservedAwsPrefix_validationError(IvsClient ivs) {
        String arn = ivs.createChannel(b -> { }).channel().arn();

        assertThatThrownBy(() -> ivs.tagResource(b -> b.resourceArn(arn).tags(Map.of("aws:owner", "me"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("aws:");
    }

    @Test
    void tagResource_unknownResource_notFound(IvsClient ivs, IvsRealTimeClient rt) {
        assertThatThrownBy(() -> ivs.listTagsForResource(b -> b.resourceArn(
                "arn:aws:ivs:us-west-2:123456789012:channel/missingChan1")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> rt.tagResource(b -> b.resourceArn(
                "arn:aws:ivs:us-west-2:123456789012:stage/missingStag1").tags(Map.of("a", "b"))))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException.class);
    }

    @Test
    void tagResource_malformedArn_validationError(IvsClient ivs) {
        assertThatThrownBy(() -> ivs.tagResource(b -> b.resourceArn("arn:aws:s3:::bucket").tags(Map.of("a", "b"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("resourceArn");
    }
}
