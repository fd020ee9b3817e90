package com.ivsstack.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrnsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|pulumi:pulumi:Stack|app-dev|urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev",
            "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev|ivs:index:Channel|main|urn:pulumi:dev::app::ivs:index:Channel::main",
            "urn:pulumi:dev::app::my:index:Platform::p|ivs:index:Channel|main|urn:pulumi:dev::app::my:index:Platform$ivs:index:Channel::main",
            "urn:pulumi:dev::app::a:b:C$my:index:Platform::p|ivs:index:Channel|x|urn:pulumi:dev::app::a:b:C$my:index:Platform$ivs:index:Channel::x"})
    void create_qualifiesTheTypeWithTheParentChain(String parent, String type, String name, String expected) {
        assertThat(Urns.create("dev", "app", parent, type, name)).isEqualTo(expected);
        assertThat(Urns.type(expected)).isEqualTo(type);
        assertThat(Urns.name(expected)).isEqualTo(name);
    }
}
