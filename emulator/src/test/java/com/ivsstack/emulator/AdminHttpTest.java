package com.ivsstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.emulator.junit.IvsEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.StreamState;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.IngestConfigurationState;
import software.amazon.awssdk.services.ivsrealtime.model.IngestProtocol;

/** The admin API over plain HTTP under /_emulator/, for tools that are not Java. */
class AdminHttpTest {
    @RegisterExtension
    static final IvsEmulatorExtension IVS = IvsEmulatorExtension.create();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(IVS.emulator().endpoint() + "/_emulator/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startAndStopStream_overHttp_visibleThroughSdk(IvsClient ivs) throws Exception {
        String arn = ivs.createChannel(b -> { }).channel().arn();

        HttpResponse<String> started = call("POST", "streams/start", "{\"channelArn\":\"" + arn + "\"}");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(started.body()).get("streamId").asText()).startsWith("st-");
        assertThat(ivs.getStream(b -> b.channelArn(arn)).stream().state()).isEqualTo(StreamState.LIVE);
        assertThat(call("POST", "streams/stop", "{\"channelArn\":\"" + arn + "\"}").statusCode()).isEqualTo(200);
        assertThat(ivs.listStreams(b -> { }).streams()).isEmpty();
    }

    @Test
    void startStream_unknownChannel_404WithErrorType() throws Exception {
        HttpResponse<String> response = call("POST", "streams/start",
                "{\"channelArn\":\"arn:aws:ivs:us-west-2:123456789012:channel/missingChan1\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
    }

    @Test
    void faults_overHttp_injectListAndClear(IvsClient ivs) throws Exception {
        assertThat(call("POST", "faults", "{\"operation\":\"ListChannels\",\"kind\":\"throttling\",\"count\":1}")
                .statusCode()).isEqualTo(200);
        JsonNode faults = JSON.readTree(call("GET", "faults", null).body());
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0).get("kind").asText()).isEqualTo("THROTTLING");

        ivs.listChannels(b -> { });

        assertThat(JSON.readTree(call("GET", "requests", null).body()).get("ListChannels").asLong()).isEqualTo(2);
        assertThat(call("DELETE", "faults", null).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "requests", null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(call("GET", "requests", null).body())).isEmpty();
    }

    @Test
    void badFault_overHttp_400NamingTheProblem() throws Exception {
        HttpResponse<String> response = call("POST", "faults", "{\"operation\":\"ListChannels\",\"kind\":\"explode\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("kind must be one of");
    }

    @Test
    void quotasBucketsResetAndState_overHttp(IvsClient ivs) throws Exception {
        assertThat(call("POST", "quotas", "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(IVS.emulator().admin().quotasEnabled()).isTrue();
        assertThat(JSON.readTree(call("GET", "quotas", null).body()).get("enabled").asBoolean()).isTrue();
        assertThat(call("POST", "buckets", "{\"bucketName\":\"far-bucket\",\"region\":\"ap-south-1\"}").statusCode())
                .isEqualTo(200);
        ivs.createChannel(b -> b.name("kept"));

        JsonNode state = JSON.readTree(call("GET", "state", null).body());
        assertThat(state.get("buckets").get("far-bucket").asText()).isEqualTo("ap-south-1");
        assertThat(state.get("resources").get("channel")).hasSize(1);

        assertThat(call("POST", "reset", null).statusCode()).isEqualTo(200);
        assertThat(ivs.listChannels(b -> { }).channels()).isEmpty();
        assertThat(IVS.emulator().admin().quotasEnabled()).isFalse();
    }

    @Test
    void participantsJoinAndLeave_overHttp_visibleThroughSdk(IvsRealTimeClient rt) throws Exception {
        String stage = rt.createStage(b -> { }).stage().arn();

        HttpResponse<String> joined = call("POST", "participants/join", "{\"stageArn\":\"" + stage + "\",\"userId\":\"dana\","
                + "\"attributes\":{\"seat\":\"2\"},\"publish\":false}");

        assertThat(joined.statusCode()).isEqualTo(200);
        JsonNode participant = JSON.readTree(joined.body());
        String sessionId = participant.get("sessionId").asText();
        assertThat(participant.get("userId").asText()).isEqualTo("dana");
        assertThat(participant.get("published").asBoolean()).isFalse();
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isEqualTo(sessionId);
        assertThat(rt.getParticipant(b -> b.stageArn(stage).sessionId(sessionId)
                .participantId(participant.get("participantId").asText())).participant().attributes())
                .containsEntry("seat", "2");

        assertThat(call("POST", "participants/leave", "{\"stageArn\":\"" + stage + "\",\"participantId\":\""
                + participant.get("participantId").asText() + "\"}").statusCode()).isEqualTo(200);
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNull();
    }

    @Test
    void publishingStartAndStop_overHttp_ingestConfigurationActiveThenInactive(IvsRealTimeClient rt) throws Exception {
        String stage = rt.createStage(b -> { }).stage().arn();
        String ingest = rt.createIngestConfiguration(b -> b.stageArn(stage).ingestProtocol(IngestProtocol.RTMPS))
                .ingestConfiguration().arn();

        HttpResponse<String> started = call("POST", "publishing/start", "{\"ingestConfigurationArn\":\"" + ingest + "\"}");

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(started.body()).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(rt.getIngestConfiguration(b -> b.arn(ingest)).ingestConfiguration().state())
                .isEqualTo(IngestConfigurationState.ACTIVE);
        assertThat(rt.getStage(b -> b.arn(stage)).stage().activeSessionId()).isNotNull();

        assertThat(call("POST", "publishing/stop", "{\"ingestConfigurationArn\":\"" + ingest + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(rt.getIngestConfiguration(b -> b.arn(ingest)).ingestConfiguration().state())
                .isEqualTo(IngestConfigurationState.INACTIVE);
        HttpResponse<String> again = call("POST", "publishing/stop", "{\"ingestConfigurationArn\":\"" + ingest + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("x-amzn-ErrorType")).contains("ConflictException");
    }

    @Test
    void participantsJoin_missingStageArnOrUnknownStage_400And404() throws Exception {
        HttpResponse<String> missing = call("POST", "participants/join", "{}");
        HttpResponse<String> unknown = call("POST", "participants/join",
                "{\"stageArn\":\"arn:aws:ivs:us-west-2:123456789012:stage/missingStag1\"}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("stageArn");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
    }

    @Test
    void unknownAdminRoute_404() throws Exception {
        assertThat(call("GET", "nothing-here", null).statusCode()).isEqualTo(404);
    }
}
