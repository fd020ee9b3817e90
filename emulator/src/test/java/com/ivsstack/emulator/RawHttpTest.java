package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * A client that is not the AWS SDK (plain java.net.http, unsigned or with a hand-written Authorization header)
 * gets the wire answers the service gives: status codes, headers, JSON members.
 */
class RawHttpTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/eu-west-1/ivs/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(IVS.emulator().endpoint() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", AUTHORIZATION)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createChannel_rawJson_200WithRegionFromCredentialScope() throws Exception {
        HttpResponse<String> response = send("POST", "/CreateChannel", "{\"name\":\"raw\",\"type\":\"BASIC\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/channel/arn").asText()).startsWith("arn:aws:ivs:eu-west-1:123456789012:channel/");
        assertThat(body.at("/channel/type").asText()).isEqualTo("BASIC");
        assertThat(body.at("/streamKey/value").asText()).startsWith("sk_eu-west-1_");
    }

    @Test
    void deleteChannel_rawJson_204WithoutBody() throws Exception {
        String arn = JSON.readTree(send("POST", "/CreateChannel", "{}").body()).at("/channel/arn").asText();

        HttpResponse<String> response = send("POST", "/DeleteChannel", "{\"arn\":\"" + arn + "\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void getChannel_emptyBody_400WithAllErrorFields() throws Exception {
        HttpResponse<String> response = send("POST", "/GetChannel", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("ValidationException");
        assertThat(body.get("message").asText()).contains("'arn'");
        assertThat(body.get("exceptionMessage").asText()).isEqualTo(body.get("message").asText());
    }

    @Test
    void malformedJson_400SerializationException() throws Exception {
        HttpResponse<String> response = send("POST", "/CreateChannel", "{\"name\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
    }

    @Test
    void wrongJsonType_400NamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/CreateChannel", "{\"authorized\":\"yes\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("authorized").contains("boolean");
    }

    @Test
    void hugeBody_413AndServerKeepsServing() throws Exception {
        HttpResponse<String> response = send("POST", "/CreateChannel", "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(send("POST", "/ListChannels", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongContentType_stillReadAsJson() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(IVS.emulator().endpoint() + "/ListChannels"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOperation_404UnknownOperation() throws Exception {
        HttpResponse<String> response = send("POST", "/LaunchRocket", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    }

    @Test
    void tagPaths_percentEncodedArnAndRepeatedTagKeys_workLikeTheSdk() throws Exception {
        String arn = JSON.readTree(send("POST", "/CreateChannel", "{}").body()).at("/channel/arn").asText();
        String path = "/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8);

        assertThat(send("POST", path, "{\"tags\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", path + "?tagKeys=a&tagKeys=b", null).statusCode()).isEqualTo(200);
        HttpResponse<String> listed = send("GET", path, null);

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).get("tags")).isEqualTo(JSON.readTree("{\"c\":\"3\"}"));
    }

    @Test
    void pathPrefix_inEndpoint_isIgnored() throws Exception {
        HttpResponse<String> response = send("POST", "/some/prefix/ListChannels", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("channels").isArray()).isTrue();
    }

    @Test
    void unsignedRequest_usesDefaultRegion(IvsClient ivs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(IVS.emulator().endpoint() + "/CreateChannel"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        String arn = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).at("/channel/arn").asText();

        assertThat(arn).startsWith("arn:aws:ivs:us-east-1:");
        assertThat(ivs.listChannels(b -> { }).channels()).as("us-west-2 sees none of us-east-1").isEmpty();
    }
}
