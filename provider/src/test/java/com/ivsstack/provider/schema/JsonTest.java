package com.ivsstack.provider.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming tree reader gives the tree ObjectMapper.readTree gives, and rejects what it rejects. */
class JsonTest {

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
        assertThat(Json.tree(json)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void tree_schemaJson_equalsObjectMapperReadTree() throws IOException {
        String schema;
        try (InputStream in = JsonTest.class.getResourceAsStream(PackageSchema.RESOURCE_PATH)) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Json.tree(schema)).isEqualTo(MAPPER.readTree(schema));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,", "{\"a\" 1}", "{} {}", "[1] 2", "nul", "'single'"})
    void tree_notOneJsonValue_throwsIOException(String json) {
        assertThatThrownBy(() -> Json.tree(json)).isInstanceOf(IOException.class);
    }

    @Test
    void mapper_calledTwice_isTheSameMapper() {
        assertThat(Json.mapper()).isSameAs(Json.mapper());
    }
}
