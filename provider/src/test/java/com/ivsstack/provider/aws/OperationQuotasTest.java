package com.ivsstack.provider.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The IVS RealTime rate quotas, as the service quotas page gives them (API call rate, per account and region). */
class OperationQuotasTest {

    @ParameterizedTest(name = "{0}: {1} TPS")
    @CsvSource({
            "CreateStage, 5", "GetStage, 5", "UpdateStage, 5", "DeleteStage, 5", "ListStages, 5",
            "ListStageSessions, 5", "GetStageSession, 5", "ListParticipants, 5", "GetParticipant, 5",
            "ListParticipantEvents, 5", "DisconnectParticipant, 5", "CreateParticipantToken, 50",
            "CreateIngestConfiguration, 5", "GetIngestConfiguration, 5", "UpdateIngestConfiguration, 5",
            "DeleteIngestConfiguration, 5", "ListIngestConfigurations, 5",
            "ImportPublicKey, 3", "GetPublicKey, 3", "DeletePublicKey, 3", "ListPublicKeys, 3",
            "CreateStorageConfiguration, 5", "GetStorageConfiguration, 5", "DeleteStorageConfiguration, 5",
            "ListStorageConfigurations, 5", "CreateEncoderConfiguration, 5", "GetEncoderConfiguration, 5",
            "DeleteEncoderConfiguration, 5", "ListEncoderConfigurations, 5",
            "GetComposition, 5", "ListCompositions, 5", "StartComposition, 5", "StopComposition, 5",
            "TagResource, 10", "UntagResource, 10", "ListTagsForResource, 10"})
    void of_realTimeOperation_isPacedUnderItsPublishedQuota(String operation, int callsPerSecond) {
        assertThat(OperationQuotas.isListed(operation)).as("%s has its quota listed", operation).isTrue();
        assertThat(OperationQuotas.of(operation).callsPerSecond()).isEqualTo(callsPerSecond);
    }
}
