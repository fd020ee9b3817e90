package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import com.ivsstack.emulator.support.RawHttp;
import com.ivsstack.emulator.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.ValidationException;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;

/**
 * Nothing that arrives on an IVS or RealTime operation's path reaches the admin API (issue #16, item 1): the admin
 * API answers only paths whose first raw segment is {@code _emulator}, and an ARN in a tag path is validated before
 * anything else.
 */
class AdminPathIsolationTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAULT = "{\"operation\":\"ListChannels\",\"kind\":\"INTERNAL_ERROR\"}";
    private static final String TRAVERSING_ARN = "arn:aws:ivs:us-west-2:123456789012:channel/../../_emulator/faults";

    private static HttpResponse<String> send(String method, String rawPath, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(IVS.emulator().endpoint() + rawPath))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listTagsForResource_arnTraversingToTheAdminApi_validationErrorLikeTheService() {
        try (IvsClient noRetries = TestClients.ivsWithoutRetries(IVS.emulator())) {
            assertThatThrownBy(() -> noRetries.listTagsForResource(b -> b.resourceArn(TRAVERSING_ARN)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("resourceArn");
                    });
        }
        assertThat(IVS.emulator().admin().requestCount("ListTagsForResource")).isEqualTo(1);
    }

    @Test
    void tagResource_realTimeArnTraversingToTheAdminApi_validationErrorAndNoFaultInstalled(IvsRealTimeClient rt,
                                                                                           IvsClient ivs) {
        assertThatThrownBy(() -> rt.tagResource(b -> b.resourceArn(
                "arn:aws:ivs:us-west-2:123456789012:stage/../../_emulator/faults").tags(Map.of("kind", "THROTTLING"))))
                .isInstanceOf(software.amazon.awssdk.services.ivsrealtime.model.ValidationException.class);

        assertThat(IVS.emulator().admin().faults()).isEmpty();
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
    }

    @Test
    void tagPath_encodedTraversalWithFaultBody_validationErrorAndNoFaultInstalled(IvsClient ivs) throws Exception {
        HttpResponse<String> response = send("POST", "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel"
                + "%2F..%2F..%2F_emulator%2Ffaults", FAULT);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("resourceArn");
        assertThat(IVS.emulator().admin().faults()).isEmpty();
        assertThat(ivs.listChannels(b -> { }).sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/anything/_emulator/faults", "/%5Femulator/faults", "/ListChannels/_emulator/faults",
        "/tags/_emulator/faults"})
    void adminRouteBehindAnotherFirstSegment_neverReachesTheAdminApi(String rawPath) throws Exception {
        assertThat(send("POST", rawPath, FAULT).statusCode()).isBetween(400, 404);
        assertThat(send("GET", rawPath, null).headers().firstValue("x-amzn-ErrorType")).isPresent();

        assertThat(IVS.emulator().admin().faults()).isEmpty();
    }

    @Test
    void dotSegmentsInTheRawPath_areNotResolvedIntoTheAdminApi() throws Exception {
        RawHttp.Answer answer = RawHttp.send(IVS.emulator().endpoint(), "POST /ListChannels/../_emulator/faults HTTP/1.1"
                + "\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + FAULT.length() + "\r\n\r\n" + FAULT,
                Duration.ofSeconds(10));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
        assertThat(IVS.emulator().admin().faults()).isEmpty();
    }

    @Test
    void adminApi_onItsOwnFirstSegment_stillAnswers() throws Exception {
        assertThat(send("POST", "/_emulator/faults", FAULT).statusCode()).isEqualTo(200);

        assertThat(IVS.emulator().admin().faults()).hasSize(1);
    }
}
