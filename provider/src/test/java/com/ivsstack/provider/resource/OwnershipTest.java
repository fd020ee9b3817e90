package com.ivsstack.provider.resource;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {

    @Test
    void tagsForCreate_urnWithinTheTagRules_addsTheOwnershipTag() {
        String urn = "urn:pulumi:dev::live::ivs:index:Channel::main";
        assertThat(Ownership.tagsForCreate(Map.of("team", "video"), urn))
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "video", Ownership.TAG_KEY, urn));
    }

    @Test
    void tagsForCreate_urnOfAChildWithADollar_leavesTheOwnershipTagOutRatherThanFailTheCreate() {
        String urn = "urn:pulumi:dev::live::acme:index:Platform$ivs:index:Channel::main";
        assertThat(Ownership.tagsForCreate(Map.of("team", "video"), urn)).isEqualTo(Map.of("team", "video"));
    }

    @Test
    void tagsForCreate_urnLongerThanATagValue_leavesTheOwnershipTagOut() {
        String urn = "urn:pulumi:dev::live::ivs:index:Channel::" + "n".repeat(250);
        assertThat(Ownership.tagsForCreate(Map.of(), urn)).isEmpty();
    }
}
