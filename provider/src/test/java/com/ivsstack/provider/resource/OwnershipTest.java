package com.ivsstack.provider.resource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {

    @Test
    void tagsForCreate_urnWithinTheTagRules_addsItAsTheOwnershipTag() {
        String urn = "urn:pulumi:dev::live::ivs:index:Channel::main";
        assertThat(Ownership.tagsForCreate(Map.of("team", "video"), urn))
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "video", Ownership.TAG_KEY, urn));
    }

    @Test
    void tagsForCreate_urnOfAComponentsChild_writesTheDollarSoThatTheTagRulesHold() {
        String urn = "urn:pulumi:dev::live::acme:index:Platform$ivs:index:Channel::main";
        var tags = Ownership.tagsForCreate(Map.of(), urn);
        assertThat(tags).containsEntry(Ownership.TAG_KEY, "urn:pulumi:dev::live::acme:index:Platform@24@ivs:index:Channel::main");
        assertThat(TagRules.check("tags", tags)).as("only the reserved key is refused").singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("is reserved"));
        assertThat(Ownership.ownedBy(tags, urn)).isTrue();
        assertThat(Ownership.owner(tags)).contains(urn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:pulumi:dev::live::a$b::n", "urn:pulumi:dev::live::a@24@b::n", "urn:pulumi:x::y::t::n#1,\u00e9 \uD83D\uDE00"})
    void tagValue_anyUrn_isWithinTheTagRulesAndReadsBackAsTheUrn(String urn) {
        assertThat(TagRules.isAllowedValue(Ownership.tagValue(urn))).isTrue();
        assertThat(Ownership.urnOf(Ownership.tagValue(urn))).isEqualTo(urn);
    }

    @Test
    void tagValue_dollarAndItsWrittenForm_differ() {
        assertThat(Ownership.tagValue("a$b")).isNotEqualTo(Ownership.tagValue("a@24@b"));
    }

    @Test
    void tagsForCreate_urnLongerThanATagValue_leavesTheOwnershipTagOut() {
        String urn = "urn:pulumi:dev::live::ivs:index:Channel::" + "n".repeat(250);
        assertThat(Ownership.tagsForCreate(Map.of(), urn)).isEmpty();
    }
}
