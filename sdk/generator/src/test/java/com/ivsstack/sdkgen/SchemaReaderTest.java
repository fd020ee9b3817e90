package com.ivsstack.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ivsstack.sdkgen.schema.PackageSchema;
import com.ivsstack.sdkgen.schema.SchemaException;
import com.ivsstack.sdkgen.schema.SchemaReader;
import com.ivsstack.sdkgen.schema.TypeSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaReaderTest {

    @Test
    void read_fixture_sortsPropertiesAndResolvesTypes() {
        PackageSchema schema = SchemaReader.read(Path.of("src/test/resources/fixture-schema.json"));

        var channel = schema.resources().get("ivs:index:Channel");
        assertThat(channel.inputs().properties()).extracting("name")
                .containsExactly("authorized", "latencyMode", "name", "tags");
        assertThat(channel.inputs().properties().get(1).type())
                .isEqualTo(new TypeSpec.Named(com.ivsstack.sdkgen.schema.Token.parse("ivs:index:ChannelLatencyMode")));
        assertThat(schema.enumTypes()).containsKeys("ivs:index:ChannelLatencyMode", "ivs:index:StreamKeyState");
        assertThat(schema.objectTypes()).containsKeys("ivs:index:ChannelSrt", "ivs:realtime:EncoderConfigurationVideo");
        assertThat(schema.resources().get("ivs:index:StreamKey").stateInputs()).isNotNull();
        assertThat(schema.functions().get("ivs:realtime:listEncoderConfigurations").inputs()).isNull();
        assertThat(schema.provider().token().text()).isEqualTo("pulumi:providers:ivs");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what is wrong | the schema | what the message must name
            "unknown type reference | {'name':'ivs','resources':{'ivs:index:A':{'properties':{'x':{'$ref':'#/types/ivs:index:Nope'}}}}}"
                    + " | resources.ivs:index:A.properties.x: $ref '#/types/ivs:index:Nope' names a type that 'types' does not declare",
            "foreign reference | {'name':'ivs','resources':{'ivs:index:A':{'properties':{'x':{'$ref':'/aws/v6/schema.json#/types/aws:s3:B'}}}}}"
                    + " | resources.ivs:index:A.properties.x: $ref '/aws/v6/schema.json#/types/aws:s3:B' is not supported",
            "required but undeclared | {'name':'ivs','resources':{'ivs:index:A':{'inputProperties':{'x':{'type':'string'}},'requiredInputs':['y']}}}"
                    + " | resources.ivs:index:A.requiredInputs: 'y' is not a declared property",
            "union | {'name':'ivs','resources':{'ivs:index:A':{'properties':{'x':{'oneOf':[{'type':'string'}]}}}}}"
                    + " | resources.ivs:index:A.properties.x: oneOf is not supported",
            "unknown primitive | {'name':'ivs','resources':{'ivs:index:A':{'properties':{'x':{'type':'date'}}}}}"
                    + " | resources.ivs:index:A.properties.x: type 'date' is not one of",
            "bad token | {'name':'ivs','resources':{'Channel':{}}} | token 'Channel' is not of the form pkg:module:Name",
            "enum without values | {'name':'ivs','types':{'ivs:index:E':{'type':'string','enum':[{'name':'A'}]}}}"
                    + " | types.ivs:index:E.enum: every case needs a 'value'",
    })
    void read_invalidSchema_failsNamingThePlaceAndTheRule(String what, String json, String message) throws Exception {
        var root = new ObjectMapper().readTree(json.replace('\'', '"'));

        assertThatThrownBy(() -> SchemaReader.read(root)).as(what)
                .isInstanceOf(SchemaException.class).hasMessageContaining(message);
    }
}
