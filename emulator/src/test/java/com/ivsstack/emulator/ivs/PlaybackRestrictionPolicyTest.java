package com.ivsstack.emulator.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicy;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;

class PlaybackRestrictionPolicyTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    @Test
    void create_noArguments_returnsEmptyRestrictions(IvsClient ivs) {
        PlaybackRestrictionPolicy policy = ivs.createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy();

        assertThat(policy.arn()).matches("arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/[A-Za-z0-9]{12}");
        assertThat(policy.allowedCountries()).isEmpty();
        assertThat(policy.allowedOrigins()).isEmpty();
        assertThat(policy.enableStrictOriginEnforcement()).isFalse();
        assertThat(policy.name()).isEmpty();
    }

    @Test
    void update_someFields_keepsTheOthers(IvsClient ivs) {
        String arn = ivs.createPlaybackRestrictionPolicy(b -> b.name("p").allowedCountries("US", "DE"))
                .playbackRestrictionPolicy().arn();

        PlaybackRestrictionPolicy updated = ivs.updatePlaybackRestrictionPolicy(b -> b.arn(arn)
                .allowedOrigins("https://example.com").enableStrictOriginEnforcement(true)).playbackRestrictionPolicy();

        assertThat(updated.allowedCountries()).containsExactly("US", "DE");
        assertThat(updated.allowedOrigins()).containsExactly("https://example.com");
        assertThat(updated.enableStrictOriginEnforcement()).isTrue();
        assertThat(ivs.getPlaybackRestrictionPolicy(b -> b.arn(arn)).playbackRestrictionPolicy()).isEqualTo(updated);
    }

    @Test
    void delete_usedByChannel_conflict(IvsClient ivs) {
        String arn = ivs.createPlaybackRestrictionPolicy(b -> { }).playbackRestrictionPolicy().arn();
        String channel = ivs.createChannel(b -> b.playbackRestrictionPolicyArn(arn)).channel().arn();

        assertThatThrownBy(() -> ivs.deletePlaybackRestrictionPolicy(b -> b.arn(arn)))
                .isInstanceOf(ConflictException.class);

        ivs.deleteChannel(b -> b.arn(channel));
        ivs.deletePlaybackRestrictionPolicy(b -> b.arn(arn));
        assertThatThrownBy(() -> ivs.getPlaybackRestrictionPolicy(b -> b.arn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void list_defaultPageSize_isOne(IvsClient ivs) {
        ivs.createPlaybackRestrictionPolicy(b -> { });
        ivs.createPlaybackRestrictionPolicy(b -> { });

        var page = ivs.listPlaybackRestrictionPolicies(b -> { });

        assertThat(page.playbackRestrictionPolicies()).hasSize(1);
        assertThat(page.nextToken()).isNotEmpty();
        assertThat(ivs.listPlaybackRestrictionPoliciesPaginator(b -> { }).stream()
                .flatMap(p -> p.playbackRestrictionPolicies().stream())).hasSize(2);
    }
}
