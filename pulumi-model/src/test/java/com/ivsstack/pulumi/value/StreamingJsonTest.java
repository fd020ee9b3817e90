package com.ivsstack.pulumi.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming tree reader gives the tree ObjectMapper.readTree gives, and rejects what it rejects. */
class StreamingJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "[]",
            "\"text with \\\"quotes\\\" and \\u00e9\"",
            "0",
            "-2147483649",
            "123456789012345678901234567890",
            "1.5e3",
            "-0.25",
            "true",
            "false",
            "null",
            "{\"a\": [1, 2.5, \"x\", null, {\"b\": false}], \"c\": {}}",
            "{\"same\": 1, \"same\": 2}",
            "  [ [ [ ] ] ]  "
    })
    void tree_anyJsonValue_equalsObjectMapperReadTree(String json) throws IOException {
        assertThat(StreamingJson.tree(json)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void tree_schemaJson_equalsObjectMapperReadTree() throws IOException {
        String schema = Files.readString(Path.of("..", "schema.json"));

        assertThat(StreamingJson.tree(schema)).isEqualTo(MAPPER.readTree(schema));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,", "{\"a\" 1}", "{} {}", "[1] 2", "nul", "'single'"})
    void tree_notOneJsonValue_throwsIOException(String json) {
        assertThatThrownBy(() -> StreamingJson.tree(json)).isInstanceOf(IOException.class);
    }

    @Test
    void mapper_calledTwice_isTheSameMapper() {
        assertThat(StreamingJson.mapper()).isSameAs(StreamingJson.mapper());
    }
}
