package com.ivsstack.pulumi.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * JSON without an {@link ObjectMapper} on a start path. The first ObjectMapper of a JVM initialises the JDK's calendar
 * and locale data for its default date format (70 to 100 ms in a fresh plugin process), which the engine's first Check
 * would otherwise wait for: a package schema is read as a tree with jackson-core's streaming parser, and the mapper,
 * needed only for JSON text in stack config, is built at its first use.
 */
public final class StreamingJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StreamingJson() {
    }

    /** The tree of one JSON document, as {@code ObjectMapper.readTree} reads it (floating-point numbers as doubles). */
    public static JsonNode tree(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "no JSON value");
            }
            JsonNode root = node(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON value");
            }
            return root;
        }
    }

    /** The shared ObjectMapper, built when first asked for. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static JsonNode node(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, node(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected JSON token " + token);
        }
    }

    /** Holds the mapper, so that it is built on the first {@link #mapper()} call and not when this class loads. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
