package com.ivsstack.provider.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallStrategyTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void fromEnvironment_unset_isQuotaAware(String value) {
        assertThat(CallStrategy.fromEnvironment(value)).isEqualTo(CallStrategy.QUOTA_AWARE);
    }

    @ParameterizedTest
    @CsvSource({"quota-aware, QUOTA_AWARE", "one-by-one, ONE_BY_ONE", "ONE_BY_ONE, ONE_BY_ONE", " One-By-One , ONE_BY_ONE"})
    void fromEnvironment_named_isThatStrategy(String value, CallStrategy expected) {
        assertThat(CallStrategy.fromEnvironment(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "batched"})
    void fromEnvironment_unknown_failsNamingTheVariableAndTheChoices(String value) {
        assertThatThrownBy(() -> CallStrategy.fromEnvironment(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PULUMI_IVS_CALL_STRATEGY=" + value)
                .hasMessageContaining("quota-aware")
                .hasMessageContaining("one-by-one");
    }
}
