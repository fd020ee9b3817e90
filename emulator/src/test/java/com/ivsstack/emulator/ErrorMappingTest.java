package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.TestClients;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.IvsException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeException;

/** Every error code the services send maps to its modeled SDK exception class, with its HTTP status. */
class ErrorMappingTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static IvsClient ivs;
    private static IvsRealTimeClient rt;

    @BeforeAll
    static void clients() {
        ivs = TestClients.ivsWithoutRetries(IVS.emulator());
        rt = TestClients.realTimeWithoutRetries(IVS.emulator());
    }

    @AfterAll
    static void close() {
        ivs.close();
        rt.close();
    }

    static Stream<Arguments> ivsErrors() {
        return Stream.of(
                arguments("ValidationException", 400, software.amazon.awssdk.services.ivs.model.ValidationException.class),
                arguments("AccessDeniedException", 403, software.amazon.awssdk.services.ivs.model.AccessDeniedException.class),
                arguments("PendingVerification", 403, software.amazon.awssdk.services.ivs.model.PendingVerificationException.class),
                arguments("ServiceQuotaExceededException", 402, software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException.class),
                arguments("ResourceNotFoundException", 404, software.amazon.awssdk.services.ivs.model.ResourceNotFoundException.class),
                arguments("ChannelNotBroadcasting", 404, software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException.class),
                arguments("ConflictException", 409, software.amazon.awssdk.services.ivs.model.ConflictException.class),
                arguments("ThrottlingException", 429, software.amazon.awssdk.services.ivs.model.ThrottlingException.class),
                arguments("InternalServerException", 500, software.amazon.awssdk.services.ivs.model.InternalServerException.class),
                arguments("StreamUnavailable", 503, software.amazon.awssdk.services.ivs.model.StreamUnavailableException.class));
    }

    static Stream<Arguments> realTimeErrors() {
        return Stream.of(
                arguments("ValidationException", 400, software.amazon.awssdk.services.ivsrealtime.model.ValidationException.class),
                arguments("AccessDeniedException", 403, software.amazon.awssdk.services.ivsrealtime.model.AccessDeniedException.class),
                arguments("PendingVerification", 403, software.amazon.awssdk.services.ivsrealtime.model.PendingVerificationException.class),
                arguments("ServiceQuotaExceededException", 402, software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException.class),
                arguments("ResourceNotFoundException", 404, software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException.class),
                arguments("ConflictException", 409, software.amazon.awssdk.services.ivsrealtime.model.ConflictException.class),
                arguments("InternalServerException", 500, software.amazon.awssdk.services.ivsrealtime.model.InternalServerException.class),
                // RealTime models no throttling error: the SDK gives its base exception, with the code and status
                arguments("ThrottlingException", 429, IvsRealTimeException.class));
    }

    @ParameterizedTest(name = "IVS {0}")
    @MethodSource("ivsErrors")
    void ivsError_code_mapsToModeledException(String code, int status, Class<? extends IvsException> type) {
        IVS.emulator().admin().injectFault(FaultRule.error("ListChannels", code).times(1));

        Throwable thrown = catchThrowable(() -> ivs.listChannels(b -> { }));

        assertThat(thrown).isExactlyInstanceOf(type);
        AwsServiceException e = (AwsServiceException) thrown;
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).contains(code);
        assertThat(e.requestId()).isNotBlank();
    }

    @ParameterizedTest(name = "RealTime {0}")
    @MethodSource("realTimeErrors")
    void realTimeError_code_mapsToModeledException(String code, int status, Class<? extends IvsRealTimeException> type) {
        IVS.emulator().admin().injectFault(FaultRule.error("ListStages", code).times(1));

        Throwable thrown = catchThrowable(() -> rt.listStages(b -> { }));

        assertThat(thrown).isExactlyInstanceOf(type);
        AwsServiceException e = (AwsServiceException) thrown;
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "IVS {0}")
    @MethodSource("ivsErrors")
    void ivsError_realAnswer_carriesExceptionMessageMember(String code, int status, Class<? extends IvsException> type) {
        IVS.emulator().admin().injectFault(FaultRule.error("GetChannel", code).times(1));

        Throwable thrown = catchThrowable(() -> ivs.getChannel(b -> b.arn("arn:aws:ivs:us-west-2:123456789012:channel/abc")));

        assertThat(thrown).isInstanceOf(type);
        assertThat(thrown).extracting("exceptionMessage").asString().contains(code);
    }

    @ParameterizedTest(name = "RealTime {0}")
    @MethodSource("realTimeErrors")
    void realTimeError_modeledException_carriesErrorTypeHeader(String code, int status,
                                                                Class<? extends IvsRealTimeException> type) {
        if (type == IvsRealTimeException.class) {
            return; // the base class has no header members
        }
        IVS.emulator().admin().injectFault(FaultRule.error("GetStage", code).times(1));

        Throwable thrown = catchThrowable(() -> rt.getStage(b -> b.arn("arn:aws:ivs:us-west-2:123456789012:stage/abc")));

        assertThat(thrown).extracting("xAmznErrorType").isEqualTo(code);
    }
}
