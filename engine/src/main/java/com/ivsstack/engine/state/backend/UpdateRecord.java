package com.ivsstack.engine.state.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One update of a stack as Pulumi's DIY backends keep it in {@code .pulumi/history/} ({@code apitype.UpdateInfo}):
 * its kind ({@code update}, {@code destroy}, {@code refresh}, {@code import}), result ({@code succeeded},
 * {@code failed}), start and end in Unix seconds, and the number of resources per step kind.
 */
public record UpdateRecord(String kind, String result, long startTime, long endTime, Map<String, Integer> resourceChanges,
                           Map<String, Object> config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("startTime", startTime);
        n.put("message", "");
        n.putObject("environment").put("exec.kind", "cli").put("exec.agent", "ivsstack");
        n.set("config", JSON.valueToTree(config));
        n.put("version", 0);
        n.put("result", result);
        n.put("endTime", endTime);
        ObjectNode changes = n.putObject("resourceChanges");
        resourceChanges.forEach(changes::put);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static UpdateRecord parse(byte[] data, String key) {
        try {
            JsonNode n = JSON.readTree(data);
            Map<String, Integer> changes = new LinkedHashMap<>();
            n.path("resourceChanges").properties().forEach(e -> changes.put(e.getKey(), e.getValue().asInt()));
            Map<String, Object> config = new LinkedHashMap<>();
            n.path("config").properties().forEach(e -> config.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
            return new UpdateRecord(n.path("kind").asText("?"), n.path("result").asText("?"), n.path("startTime").asLong(),
                    n.path("endTime").asLong(), changes, config);
        } catch (IOException e) {
            throw new IllegalStateException("the history record " + key + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
