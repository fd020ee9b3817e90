package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.http.EmulatorHttpServer;
import com.ivsstack.emulator.support.RawHttp;
import com.ivsstack.emulator.support.TestClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ivs.IvsClient;

/**
 * Hostile requests: malformed JSON, huge bodies, wrong content types, unknown paths and methods, half-sent requests.
 * Each gets the service's error (status, {@code x-amzn-ErrorType} and a JSON message) and the endpoint keeps serving
 * the SDK afterwards.
 */
class HostileRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static IvsEmulator emulator;
    private static IvsClient ivs;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        emulator = IvsEmulator.builder().port(0).build().start();
        ivs = TestClients.ivsWithoutRetries(emulator);
    }

    @AfterAll
    static void stop() {
        ivs.close();
        emulator.close();
    }

    static Stream<Arguments> hostileRequests() {
        String huge = "x".repeat(32 * 1024 * 1024);
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/CreateChannel", "application/json", "{\"name\": ", 400, "SerializationException"),
                Arguments.of("trailing garbage", "POST", "/CreateChannel", "application/json", "{\"name\": \"a\"} }}}", 400, "SerializationException"),
                Arguments.of("JSON array", "POST", "/ListChannels", "application/json", "[1,2,3]", 400, "SerializationException"),
                Arguments.of("JSON string", "POST", "/GetChannel", "application/json", "\"arn\"", 400, "SerializationException"),
                Arguments.of("binary body", "POST", "/GetChannel", "application/octet-stream", "\u0000\u0001\u00ff\u00fe", 400, "SerializationException"),
                Arguments.of("XML body", "POST", "/CreateChannel", "application/xml", "<CreateChannel><name>a</name></CreateChannel>", 400, "SerializationException"),
                Arguments.of("form body", "POST", "/CreateChannel", "application/x-www-form-urlencoded", "name=a&type=BASIC", 400, "SerializationException"),
                Arguments.of("wrong field types", "POST", "/CreateChannel", "application/json", "{\"name\": 5, \"authorized\": \"yes\"}", 400, "ValidationException"),
                Arguments.of("deeply nested JSON", "POST", "/CreateChannel", "application/json", "{\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, null),
                Arguments.of("huge body (5 MB name)", "POST", "/CreateChannel", "application/json", "{\"name\":\"" + huge.substring(0, 5_000_000) + "\"}", 413, "RequestEntityTooLargeException"),
                Arguments.of("huge body (32 MB name)", "POST", "/CreateChannel", "application/json", "{\"name\":\"" + huge + "\"}", 413, "RequestEntityTooLargeException"),
                Arguments.of("huge body (32 MB of garbage)", "POST", "/CreateChannel", "application/json", huge, 413, "RequestEntityTooLargeException"),
                Arguments.of("a name just over the limit (200 KB)", "POST", "/CreateChannel", "application/json", "{\"name\":\"" + huge.substring(0, 200_000) + "\"}", 400, "ValidationException"),
                Arguments.of("unknown operation", "POST", "/DeleteEverything", "application/json", "{}", 404, "UnknownOperationException"),
                Arguments.of("unknown path", "POST", "/a/b/c/d", "application/json", "{}", 404, "UnknownOperationException"),
                Arguments.of("root path", "GET", "/", null, null, 404, "UnknownOperationException"),
                Arguments.of("GET of an operation", "GET", "/ListChannels", null, null, 404, null),
                Arguments.of("tags of a malformed ARN", "GET", "/tags/not%20an%20arn", null, null, 400, null),
                Arguments.of("DELETE of an operation", "DELETE", "/CreateChannel", null, null, 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequest_answersTheServiceErrorAndKeepsServing(String name, String method, String path, String contentType,
                                                             String body, int status, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException refusedBeforeTheBodyWasSent) {
            // A body over the size limit may be refused (413, connection closed) before the client finished sending it.
            assertThat(status).as("%s: %s", name, refusedBeforeTheBodyWasSent).isEqualTo(413);
            assertStillServing();
            return;
        }

        assertThat(response.statusCode()).as("%s: %s", name, response.body()).isEqualTo(status);
        String type = response.headers().firstValue("x-amzn-ErrorType").orElse("");
        assertThat(type).as("x-amzn-ErrorType").isNotBlank();
        if (errorType != null) {
            assertThat(type).startsWith(errorType);
        }
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("message").asText()).as("the error body has a message").isNotBlank();
        assertThat(response.body().length()).as("the error does not echo a huge body back").isLessThan(10_000);
        assertStillServing();
    }

    static Stream<Arguments> malformedHttp() {
        byte[] rawUtf8Query = "GET /tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdABCDefgh?tagKeys=\u00e9\ud83d\ude00 HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("bad percent escape", "GET /tags/%zz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("raw UTF-8 in the query", rawUtf8Query, 404),
                Arguments.of("negative Content-Length", "POST /ListChannels HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}"
                        .getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("Content-Length not a number", "POST /ListChannels HTTP/1.1\r\nHost: x\r\nContent-Length: 1e9\r\n\r\n{}"
                        .getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("not HTTP at all", "THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("control character in the path", "GET /List\u0001Channels HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("unknown HTTP version", "POST /ListChannels HTTP/7.3\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 400),
                Arguments.of("200 KB header", ("POST /ListChannels HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(200_000)
                        + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII), 431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHttp")
    void malformedHttp_answersJsonWithErrorTypeNeverHtml(String name, byte[] request, int status) throws Exception {
        RawHttp.Answer answer = RawHttp.send(emulator.endpoint(), request, Duration.ofSeconds(20));

        assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(status);
        assertThat(answer.header("x-amzn-ErrorType")).as("x-amzn-ErrorType").isNotBlank();
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("__type").asText()).isEqualTo(answer.header("x-amzn-ErrorType"));
        assertThat(error.path("message").asText()).isNotBlank();
        assertStillServing();
    }

    @Test
    void headerOverTheLimit_431RequestHeaderFieldsTooLarge() throws Exception {
        RawHttp.Answer answer = RawHttp.send(emulator.endpoint(), "GET /tags/x HTTP/1.1\r\nHost: x\r\nX-Padding: "
                + "a".repeat(EmulatorHttpServer.MAX_REQUEST_HEAD_BYTES) + "\r\n\r\n", Duration.ofSeconds(20));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("RequestHeaderFieldsTooLargeException");
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains(
                String.valueOf(EmulatorHttpServer.MAX_REQUEST_HEAD_BYTES));
    }

    @ParameterizedTest(name = "Content-Length {0}")
    @CsvSource({"100, 408, RequestTimeoutException", "1000000000, 413, RequestEntityTooLargeException"})
    void bodyShorterThanAnnounced_answeredWithinTheBodyTimeoutAndClosed(long announced, int status, String errorType)
            throws Exception {
        RawHttp.Answer answer = RawHttp.send(emulator.endpoint(), "POST /ListChannels HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + announced + "\r\n\r\n{}",
                EmulatorHttpServer.BODY_READ_TIMEOUT.multipliedBy(3));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo(errorType);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertStillServing();
    }

    @Test
    void connectionClosedHalfwayThroughTheBody_theEndpointKeepsServing() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /CreateChannel HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"name\": \"half").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        try (Socket socket = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort())) {
            socket.getOutputStream().write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            in.read(new byte[1024]); // whatever it answers, or closing, is fine
        } catch (IOException closed) {
            // the server may close the connection without an answer
        }
        assertStillServing();
    }

    private static void assertStillServing() {
        assertThat(ivs.listChannels(b -> { }).sdkHttpResponse().isSuccessful()).isTrue();
        String arn = ivs.createChannel(b -> b.name("still-serving")).channel().arn();
        ivs.deleteChannel(b -> b.arn(arn));
    }
}
