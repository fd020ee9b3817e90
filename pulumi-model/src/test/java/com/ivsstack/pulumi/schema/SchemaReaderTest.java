package com.ivsstack.pulumi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaReaderTest {

    @Test
    void read_schemaJson_keepsDeclarationOrderAndSortsForGeneratorsAndResolvesTypes() throws Exception {
        String json = Files.readString(Path.of("..", "schema.json"));
        PackageSchema schema = SchemaReader.read(json);

        var channel = schema.resource("ivs:index:Channel");
        assertThat(channel.inputs().declared().keySet()).startsWith("name", "type", "latencyMode");
        assertThat(channel.inputs().properties()).extracting("name").isSorted();
        assertThat(channel.inputs().property("latencyMode").type())
                .isEqualTo(new TypeSpec.Named(Token.parse("ivs:index:ChannelLatencyMode")));
        assertThat(schema.enumOf(channel.inputs().property("latencyMode").type()).valueTexts()).containsExactly("NORMAL", "LOW");
        assertThat(schema.objectOf(channel.inputs().property("multitrackInputConfiguration").type()).token().text())
                .isEqualTo("ivs:index:ChannelMultitrackInputConfiguration");
        assertThat(channel.inputs().property("authorized").plainDefault()).isEqualTo(false);
        assertThat(schema.config().property("maxRetries").plainDefault()).isEqualTo(5L);
        assertThat(schema.resource("ivs:index:StreamKey").replaceOnChanges()).containsExactlyInAnyOrder("channelArn", "rotation");
        assertThat(schema.function("ivs:index:getChannels").arguments().declared()).containsKey("name");
        assertThat(schema.provider().token().text()).isEqualTo("pulumi:providers:ivs");
        assertThat(schema.source()).isEqualTo(json);
    }

    /** The SDK generator's fixture: a schema with a state block, a function without inputs, enums over non-strings. */
    @Test
    void read_fixture_sortsPropertiesAndResolvesTypes() {
        PackageSchema schema = SchemaReader.read(Path.of("..", "sdk", "generator", "src", "test", "resources", "fixture-schema.json"));

        var channel = schema.resources().get("ivs:index:Channel");
        assertThat(channel.inputs().properties()).extracting("name")
                .containsExactly("authorized", "latencyMode", "name", "tags");
        assertThat(channel.inputs().properties().get(1).type())
                .isEqualTo(new TypeSpec.Named(Token.parse("ivs:index:ChannelLatencyMode")));
        assertThat(schema.enumTypes()).containsKeys("ivs:index:ChannelLatencyMode", "ivs:index:StreamKeyState");
        assertThat(schema.objectTypes()).containsKeys("ivs:index:ChannelSrt", "ivs:realtime:EncoderConfigurationVideo");
        assertThat(schema.resources().get("ivs:index:StreamKey").stateInputs()).isNotNull();
        assertThat(schema.functions().get("ivs:realtime:listEncoderConfigurations").inputs()).isNull();
        assertThat(schema.provider().token().text()).isEqualTo("pulumi:providers:ivs");
    }

    @Test
    void lookup_tokenTheSchemaLacks_failsNamingIt() throws Exception {
        PackageSchema schema = SchemaReader.read(Path.of("..", "schema.json"));
        assertThatThrownBy(() -> schema.resource("ivs:index:Nope")).hasMessage("the schema has no resource ivs:index:Nope");
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
