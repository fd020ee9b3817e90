package com.ivsstack.provider.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    private static final String PLAIN = "urn:pulumi:dev::platform::ivs:index:Channel::main";
    private static final String COMPONENT_CHILD = "urn:pulumi:dev::platform::acme:index:Creator$ivs:index:Channel::alice";

    @Test
    void tagsForCreate_plainUrn_tagsTheUrnItself() {
        assertThat(Ownership.tagsForCreate(Map.of("team", "video"), PLAIN))
                .containsEntry(Ownership.TAG_KEY, PLAIN).containsEntry("team", "video");
    }

    @Test
    void tagsForCreate_componentChildUrn_tagsADigestThatAwsAccepts() {
        String value = Ownership.tagsForCreate(Map.of(), COMPONENT_CHILD).get(Ownership.TAG_KEY);

        assertThat(value).startsWith("sha256:").hasSize(7 + 64).matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, value), COMPONENT_CHILD)).isTrue();
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, value), PLAIN)).isFalse();
    }

    @Test
    void tagsForCreate_urnLongerThanATagValue_tagsADigestInsteadOfNothing() {
        String longUrn = PLAIN + "x".repeat(300);

        String value = Ownership.tagsForCreate(Map.of(), longUrn).get(Ownership.TAG_KEY);

        assertThat(value).hasSizeLessThanOrEqualTo(256).startsWith("sha256:");
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, value), longUrn)).isTrue();
    }

    @Test
    void ownedBy_tagOfAnotherUrnOrNoTag_isFalse() {
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, PLAIN), PLAIN + "2")).isFalse();
        assertThat(Ownership.ownedBy(Map.of(), PLAIN)).isFalse();
        assertThat(Ownership.ownedBy(null, PLAIN)).isFalse();
    }
}
