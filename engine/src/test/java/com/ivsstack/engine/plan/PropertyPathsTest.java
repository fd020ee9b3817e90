package com.ivsstack.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyPathsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name|name",
            "tags.team|tags,team",
            "a[0].b|a,0,b",
            "tags[\"k.x\"]|tags,k.x",
            "a[*].f|a,*,f"})
    void parse_splitsPulumiPropertyPaths(String path, String segments) {
        assertThat(PropertyPaths.parse(path)).containsExactly(segments.split(","));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latencyMode|LOW|{latencyMode=LOW, tags={team=new}}",
            "tags.team|NORMAL|{latencyMode=NORMAL, tags={team=old}}",
            "missing|NORMAL|{latencyMode=NORMAL, tags={team=new}}"})
    void applyIgnoreChanges_keepsOldValuesOfIgnoredPaths(String ignored, String ignoredLatency, String expected) {
        Map<String, Object> olds = Map.of("latencyMode", "LOW", "tags", Map.of("team", "old"));
        Map<String, Object> news = new java.util.LinkedHashMap<>();
        news.put("latencyMode", "NORMAL");
        news.put("tags", Map.of("team", "new"));

        assertThat(PropertyPaths.applyIgnoreChanges(olds, news, List.of(ignored)).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"5m,300", "1h30m,5400", "1500ms,1.5", "90s,90", "0,0"})
    void goDurations_parseTheJavaSdksTimeouts(String text, double seconds) {
        assertThat(GoDurations.seconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource({"5 minutes", "m5", "10x"})
    void goDurations_rejectMalformedValues(String text) {
        assertThatThrownBy(() -> GoDurations.seconds(text)).hasMessageContaining("malformed custom timeout");
    }
}
