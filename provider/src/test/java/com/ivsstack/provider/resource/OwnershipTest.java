package com.ivsstack.provider.resource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {

    private static final String PLAIN = "urn:pulumi:dev::live::ivs:index:Channel::main";

    @Test
    void tagsForCreate_urnWithinTheTagRules_addsItAsTheOwnershipTag() {
        assertThat(Ownership.tagsForCreate(Map.of("team", "video"), PLAIN))
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "video", Ownership.TAG_KEY, PLAIN));
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
    void tagsForCreate_urnLongerThanATagValue_tagsItsDigestSoItIsStillFound() {
        String urn = PLAIN + "n".repeat(250);

        String value = Ownership.tagsForCreate(Map.of(), urn).get(Ownership.TAG_KEY);

        assertThat(value).startsWith("sha256:").hasSize(7 + 64);
        assertThat(TagRules.isAllowedValue(value)).isTrue();
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, value), urn)).isTrue();
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, value), PLAIN)).isFalse();
    }

    @Test
    void ownedBy_tagOfAnotherUrnOrNoTag_isFalse() {
        assertThat(Ownership.ownedBy(Map.of(Ownership.TAG_KEY, PLAIN), PLAIN + "2")).isFalse();
        assertThat(Ownership.ownedBy(Map.of(), PLAIN)).isFalse();
        assertThat(Ownership.ownedBy(null, PLAIN)).isFalse();
    }
}
