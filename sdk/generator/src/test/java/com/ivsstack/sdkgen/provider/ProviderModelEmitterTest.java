package com.ivsstack.sdkgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.pulumi.schema.SchemaException;
import com.ivsstack.pulumi.schema.SchemaReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderModelEmitterTest {

    private static final String ROOT = "com/ivsstack/provider/model/";

    private static List<GeneratedFile> fixtureModels() {
        return new ProviderModelEmitter(SchemaReader.read(Path.of("src/test/resources/fixture-schema.json"))).emit();
    }

    private static String text(List<GeneratedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    @Test
    void emit_fixture_writesAModelForEveryResourceTypeAndFunctionWithTheIndexes() {
        assertThat(fixtureModels()).extracting(GeneratedFile::path).containsExactlyInAnyOrder(
                ROOT + "ChannelInputs.java", ROOT + "ChannelOutputs.java", ROOT + "StreamKeyInputs.java",
                ROOT + "StreamKeyOutputs.java", ROOT + "realtime/EncoderConfigurationInputs.java",
                ROOT + "realtime/EncoderConfigurationOutputs.java", ROOT + "ChannelSrt.java", ROOT + "ChannelFilter.java",
                ROOT + "realtime/EncoderConfigurationVideo.java", ROOT + "GetStreamKeyArgs.java",
                ROOT + "GetStreamKeyResult.java", ROOT + "GetChannelsArgs.java", ROOT + "GetChannelsResult.java",
                ROOT + "realtime/ListEncoderConfigurationsArgs.java", ROOT + "realtime/ListEncoderConfigurationsResult.java",
                ROOT + "ResourceModels.java", ROOT + "FunctionModels.java");
    }

    @Test
    void emit_channelInputs_typedGetterAndConstantPerPropertyAndNoBuilder() {
        String inputs = text(fixtureModels(), ROOT + "ChannelInputs.java");
        assertThat(inputs)
                .contains("public static final String TOKEN = \"ivs:index:Channel\";")
                .contains("public static final String LATENCY_MODE = \"latencyMode\";")
                .contains("public String latencyMode() {\n        return string(LATENCY_MODE);")
                .contains("public Boolean authorized() {\n        return bool(AUTHORIZED);")
                .contains("public Map<String,String> tags() {\n        return stringMap(TAGS);")
                .doesNotContain("class Builder");
    }

    @Test
    void emit_outputs_haveABuilderThatTakesNumbersAndObjects() {
        var files = fixtureModels();
        assertThat(text(files, ROOT + "ChannelOutputs.java"))
                .contains("public Builder srt(ChannelSrt value) {\n            put(SRT, object(value));");
        assertThat(text(files, ROOT + "realtime/EncoderConfigurationVideo.java"))
                .contains("public Builder width(Number value) {\n            put(WIDTH, integer(value));")
                .contains("public Long width() {\n        return integer(WIDTH);");
    }

    @ParameterizedTest
    @CsvSource({"recordingConfigurationArn, RECORDING_CONFIGURATION_ARN", "s3, S3", "arn, ARN", "public, PUBLIC_"})
    void constant_propertyName_isUpperSnakeCase(String name, String constant) {
        assertThat(ProviderModelEmitter.constant(name)).isEqualTo(constant);
    }

    @Test
    void emit_propertyNamedLikeAMethodOfTheView_failsNamingIt() throws Exception {
        var schema = SchemaReader.read(new ObjectMapper().readTree(
                "{\"name\":\"ivs\",\"resources\":{\"ivs:index:A\":{\"properties\":{\"asMap\":{\"type\":\"string\"}}}}}"));
        assertThatThrownBy(() -> new ProviderModelEmitter(schema).emit())
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("AOutputs.asMap")
                .hasMessageContaining("cannot name a property 'asMap'");
    }
}
