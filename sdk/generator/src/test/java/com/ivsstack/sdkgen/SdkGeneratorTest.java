package com.ivsstack.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.EnumType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Internal;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.CustomResourceOptions;
import com.ivsstack.pulumi.schema.SchemaException;
import com.ivsstack.pulumi.schema.SchemaReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the SDK for the fixture schema, compiles it against the real Pulumi SDK, and checks the
 * compiled classes behave as Pulumi's generated SDKs do.
 */
class SdkGeneratorTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixture-schema.json");

    @TempDir
    static Path work;

    private static List<GeneratedFile> files;
    private static ClassLoader sdk;

    @BeforeAll
    static void generateAndCompile() throws IOException {
        files = new SdkGenerator(SchemaReader.read(FIXTURE)).generateSdk();
        Path root = work.resolve("sdk");
        SdkGenerator.write(root, files);
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> sources;
        try (Stream<Path> walk = Files.walk(root.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        var diagnostics = new ByteArrayOutputStream();
        var options = new java.util.ArrayList<>(List.of("-Xlint:all,-processing", "-Xdoclint:all,-missing", "-Werror", "-proc:none",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
        options.addAll(sources);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null,
                new java.io.PrintStream(diagnostics, true, StandardCharsets.UTF_8), options.toArray(String[]::new));
        assertThat(status).as("javac on the generated fixture SDK:\n" + diagnostics).isZero();
        sdk = new URLClassLoader(new URL[] {classes.toUri().toURL(), root.resolve("src/main/resources").toUri().toURL()},
                SdkGeneratorTest.class.getClassLoader());
    }

    @Test
    void generateSdk_fixture_writesPulumiLayoutPerModule() {
        assertThat(files).extracting(GeneratedFile::path).contains(
                "src/main/java/com/ivsstack/ivs/Channel.java",
                "src/main/java/com/ivsstack/ivs/ChannelArgs.java",
                "src/main/java/com/ivsstack/ivs/inputs/ChannelState.java",
                "src/main/java/com/ivsstack/ivs/inputs/ChannelSrtArgs.java",
                "src/main/java/com/ivsstack/ivs/outputs/ChannelSrt.java",
                "src/main/java/com/ivsstack/ivs/enums/ChannelLatencyMode.java",
                "src/main/java/com/ivsstack/ivs/IvsFunctions.java",
                "src/main/java/com/ivsstack/ivs/inputs/GetStreamKeyArgs.java",
                "src/main/java/com/ivsstack/ivs/inputs/GetStreamKeyPlainArgs.java",
                "src/main/java/com/ivsstack/ivs/outputs/GetStreamKeyResult.java",
                "src/main/java/com/ivsstack/ivs/realtime/EncoderConfiguration.java",
                "src/main/java/com/ivsstack/ivs/realtime/RealtimeFunctions.java",
                "src/main/java/com/ivsstack/ivs/realtime/outputs/ListEncoderConfigurationsResult.java",
                "src/main/java/com/ivsstack/ivs/Provider.java",
                "src/main/java/com/ivsstack/ivs/ProviderArgs.java",
                "src/main/java/com/ivsstack/ivs/Config.java",
                "src/main/java/com/ivsstack/ivs/Utilities.java",
                "src/main/resources/com/ivsstack/ivs/version.txt",
                "src/main/resources/com/ivsstack/ivs/plugin.json");
    }

    @Test
    void generateSdk_twice_givesIdenticalFiles() {
        assertThat(new SdkGenerator(SchemaReader.read(FIXTURE)).generateSdk()).isEqualTo(files);
    }

    @Test
    void resourceClass_outputs_carryExportNamesRefsAndTrees() throws Exception {
        Class<?> channel = load("com.ivsstack.ivs.Channel");
        assertThat(channel.getAnnotation(ResourceType.class).type()).isEqualTo("ivs:index:Channel");

        Export tags = channel.getDeclaredField("tags").getAnnotation(Export.class);
        assertThat(tags.name()).isEqualTo("tags");
        assertThat(tags.refs()).containsExactly(Map.class, String.class);
        assertThat(tags.tree()).isEqualTo("[0,1,1]");
        Export srt = channel.getDeclaredField("srt").getAnnotation(Export.class);
        assertThat(srt.refs()).containsExactly(load("com.ivsstack.ivs.outputs.ChannelSrt"));

        Export sizes = load("com.ivsstack.ivs.realtime.EncoderConfiguration").getDeclaredField("sizes").getAnnotation(Export.class);
        assertThat(sizes.refs()).containsExactly(List.class, Integer.class);
        assertThat(sizes.tree()).isEqualTo("[0,[0,1]]");
    }

    @Test
    void resourceClass_optionalOutput_isReadAsOptional() throws Exception {
        Class<?> channel = load("com.ivsstack.ivs.Channel");

        assertThat(channel.getMethod("name").getGenericReturnType().getTypeName())
                .isEqualTo("com.pulumi.core.Output<java.util.Optional<java.lang.String>>");
        assertThat(channel.getMethod("arn").getGenericReturnType().getTypeName())
                .isEqualTo("com.pulumi.core.Output<java.lang.String>");
        assertThat(channel.getMethod("get", String.class, Output.class, load("com.ivsstack.ivs.inputs.ChannelState"),
                CustomResourceOptions.class)).isNotNull();
    }

    @Test
    void makeResourceOptions_resourceWithSecretOutputs_listsThemAndTheVersion() throws Exception {
        CustomResourceOptions streamKey = defaultOptions("com.ivsstack.ivs.StreamKey");
        CustomResourceOptions encoder = defaultOptions("com.ivsstack.ivs.realtime.EncoderConfiguration");

        assertThat(streamKey.getAdditionalSecretOutputs()).containsExactly("value");
        assertThat(streamKey.getVersion()).contains("0.1.0");
        assertThat(encoder.getAdditionalSecretOutputs()).isEmpty();
    }

    @Test
    void argsBuilder_noValue_appliesSchemaDefault() throws Exception {
        Object args = builder("com.ivsstack.ivs.ChannelArgs").getClass().getMethod("build").invoke(builder("com.ivsstack.ivs.ChannelArgs"));

        Object latency = value(((Optional<?>) args.getClass().getMethod("latencyMode").invoke(args)).orElseThrow());

        assertThat(latency.toString()).isEqualTo("ChannelLatencyMode[value='LOW']");
    }

    @Test
    void argsBuilder_givenValue_winsOverDefault() throws Exception {
        Class<?> mode = load("com.ivsstack.ivs.enums.ChannelLatencyMode");
        Object normal = mode.getField("Normal").get(null);
        Object builder = builder("com.ivsstack.ivs.ChannelArgs");
        builder.getClass().getMethod("latencyMode", mode).invoke(builder, normal);

        Object args = builder.getClass().getMethod("build").invoke(builder);

        assertThat(value(((Optional<?>) args.getClass().getMethod("latencyMode").invoke(args)).orElseThrow())).isSameAs(normal);
    }

    @Test
    void argsBuilder_missingRequiredInput_failsNamingIt() throws Exception {
        Object builder = builder("com.ivsstack.ivs.StreamKeyArgs");
        Method build = builder.getClass().getMethod("build");

        assertThatThrownBy(() -> build.invoke(builder)).cause()
                .isInstanceOf(MissingRequiredPropertyException.class).hasMessageContaining("channelArn");
    }

    @Test
    void argsBuilder_plainAndOutputSetters_bothExist() throws Exception {
        Class<?> builder = load("com.ivsstack.ivs.StreamKeyArgs$Builder");

        assertThat(builder.getMethod("channelArn", String.class)).isNotNull();
        assertThat(builder.getMethod("channelArn", Output.class)).isNotNull();
        assertThat(load("com.ivsstack.ivs.inputs.GetStreamKeyPlainArgs$Builder").getMethod("arn", String.class)).isNotNull();
    }

    @Test
    void functionInputObjectType_getsAnOutputArgsAndAPlainInputClass() throws Exception {
        Field plain = load("com.ivsstack.ivs.inputs.GetChannelsPlainArgs").getDeclaredField("filter");
        Field output = load("com.ivsstack.ivs.inputs.GetChannelsArgs").getDeclaredField("filter");

        assertThat(plain.getGenericType().getTypeName()).isEqualTo("com.ivsstack.ivs.inputs.ChannelFilter");
        assertThat(output.getGenericType().getTypeName())
                .isEqualTo("com.pulumi.core.Output<com.ivsstack.ivs.inputs.ChannelFilterArgs>");
        assertThat(load("com.ivsstack.ivs.inputs.ChannelFilter").getDeclaredField("latencyModes").getGenericType().getTypeName())
                .isEqualTo("java.util.List<com.ivsstack.ivs.enums.ChannelLatencyMode>");
    }

    @Test
    void keywordProperty_isRenamedButKeepsItsSchemaName() throws Exception {
        Field field = load("com.ivsstack.ivs.realtime.EncoderConfigurationArgs").getDeclaredField("class_");

        assertThat(field.getAnnotation(Import.class).name()).isEqualTo("class");
    }

    @Test
    void enumAndStateWithOneSimpleName_bothUsableInTheResource() throws Exception {
        Class<?> streamKey = load("com.ivsstack.ivs.StreamKey");

        assertThat(streamKey.getDeclaredField("state").getGenericType().getTypeName())
                .isEqualTo("com.pulumi.core.Output<com.ivsstack.ivs.enums.StreamKeyState>");
        assertThat(streamKey.getMethod("get", String.class, Output.class, load("com.ivsstack.ivs.inputs.StreamKeyState"),
                CustomResourceOptions.class)).isNotNull();
    }

    @Test
    void enum_cases_convertToTheirWireValues() throws Exception {
        Class<?> state = load("com.ivsstack.ivs.enums.StreamKeyState");
        Method value = state.getMethod("getValue");

        assertThat(state.isAnnotationPresent(EnumType.class)).isTrue();
        assertThat(value.isAnnotationPresent(EnumType.Converter.class)).isTrue();
        assertThat(Stream.of(state.getEnumConstants()).map(c -> ((Enum<?>) c).name())).containsExactly("Active", "FullHd");
        assertThat(value.invoke(state.getField("FullHd").get(null))).isEqualTo("FULL_HD");
    }

    @Test
    void outputType_builderMissingRequiredProperty_failsNamingIt() throws Exception {
        Class<?> srt = load("com.ivsstack.ivs.outputs.ChannelSrt");
        Object builder = srt.getMethod("builder").invoke(null);
        Method endpoint = builder.getClass().getMethod("endpoint", String.class);

        assertThat(srt.isAnnotationPresent(CustomType.class)).isTrue();
        assertThatThrownBy(() -> endpoint.invoke(builder, (Object) null)).cause()
                .isInstanceOf(MissingRequiredPropertyException.class).hasMessageContaining("endpoint");
    }

    @Test
    void functions_haveOutputAndPlainVariants_andNoArgVariantsWhenNothingIsRequired() {
        Class<?> ivs = load("com.ivsstack.ivs.IvsFunctions");
        Class<?> realtime = load("com.ivsstack.ivs.realtime.RealtimeFunctions");

        assertThat(Stream.of(ivs.getMethods()).filter(m -> m.getName().startsWith("getStreamKey")))
                .extracting(m -> m.getName() + "/" + m.getParameterCount())
                .containsExactlyInAnyOrder("getStreamKey/1", "getStreamKey/2", "getStreamKey/2",
                        "getStreamKeyPlain/1", "getStreamKeyPlain/2");
        assertThat(Stream.of(realtime.getMethods()).filter(m -> m.getName().startsWith("listEncoderConfigurations")))
                .extracting(m -> m.getName() + "/" + m.getParameterCount())
                .contains("listEncoderConfigurations/0", "listEncoderConfigurationsPlain/0");
    }

    @Test
    void utilities_version_comesFromTheClasspathResource() throws Exception {
        assertThat(load("com.ivsstack.ivs.Utilities").getMethod("getVersion").invoke(null)).isEqualTo("0.1.0");
        assertThat(files).filteredOn(f -> f.path().endsWith("plugin.json")).singleElement()
                .extracting(GeneratedFile::content).isEqualTo("{\"resource\":true,\"name\":\"ivs\",\"version\":\"0.1.0\"}\n");
    }

    @Test
    void providerArgs_nonStringValues_areSentAsJson() throws Exception {
        Class<?> args = load("com.ivsstack.ivs.ProviderArgs");

        assertThat(args.getDeclaredField("maxRetries").getAnnotation(Import.class).json()).isTrue();
        assertThat(args.getDeclaredField("region").getAnnotation(Import.class).json()).isFalse();
        assertThat(load("com.ivsstack.ivs.Provider").getAnnotation(ResourceType.class).type()).isEqualTo("pulumi:providers:ivs");
    }

    @Test
    void generateSdk_defaultThatIsNotAnEnumValue_failsNamingPropertyAndEnum() throws Exception {
        var json = (ObjectNode) new ObjectMapper().readTree(FIXTURE.toFile());
        ((ObjectNode) json.at("/resources/ivs:index:Channel/inputProperties/latencyMode")).put("default", "FAST");
        var generator = new SdkGenerator(SchemaReader.read(json));

        assertThatThrownBy(generator::generateSdk).isInstanceOf(SchemaException.class)
                .hasMessage("ChannelArgs.latencyMode: default \"FAST\" is not a value of enum ivs:index:ChannelLatencyMode");
    }

    @Test
    void writeReplacing_fileTheSchemaNoLongerDescribes_isDeleted(@TempDir Path out) throws IOException {
        Path stale = out.resolve("src/main/java/com/ivsstack/ivs/Removed.java");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "class Removed {}");

        SdkGenerator.writeReplacing(out, files, List.of("src/main/java", "src/main/resources"));

        assertThat(stale).doesNotExist();
        assertThat(out.resolve("src/main/java/com/ivsstack/ivs/Channel.java")).exists();
    }

    @Test
    void generateDocs_markedSnippet_appearsOnTheResourcePage() {
        var pages = new SdkGenerator(SchemaReader.read(FIXTURE)).generateDocs(Path.of("src/test/resources/examples-fixture"));

        assertThat(pages).extracting(GeneratedFile::path)
                .containsExactlyInAnyOrder("README.md", "channel.md", "stream-key.md", "realtime-encoder-configuration.md");
        String channel = pages.stream().filter(p -> p.path().equals("channel.md")).findFirst().orElseThrow().content();
        assertThat(channel).contains("```java\nvar channel = new Channel(\"main\");\n```")
                .contains("| `latencyMode` | `ChannelLatencyMode` | no | `\"LOW\"` |")
                .contains("pulumi import ivs:index:Channel <name> <arn>");
        String streamKey = pages.stream().filter(p -> p.path().equals("stream-key.md")).findFirst().orElseThrow().content();
        assertThat(streamKey).contains("Changing `channelArn` replaces the resource")
                .contains("Secret outputs (kept encrypted in state, masked in plans): `value`.");
    }

    @Test
    void generateDocs_snippetWithoutEndMarker_failsNamingFileAndMarker(@TempDir Path examples) throws IOException {
        Path app = examples.resolve("demo/src/main/java/App.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, "// docs:begin ivs:index:Channel\nvar channel = new Channel(\"main\");\n");
        var generator = new SdkGenerator(SchemaReader.read(FIXTURE));

        assertThatThrownBy(() -> generator.generateDocs(examples)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("App.java: '// docs:begin ivs:index:Channel' has no '// docs:end ivs:index:Channel'");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, sdk);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " was not generated", e);
        }
    }

    private static Object builder(String argsClass) throws Exception {
        return load(argsClass).getMethod("builder").invoke(null);
    }

    private static CustomResourceOptions defaultOptions(String resourceClass) throws Exception {
        Method make = load(resourceClass).getDeclaredMethod("makeResourceOptions", CustomResourceOptions.class, Output.class);
        make.setAccessible(true);
        return (CustomResourceOptions) make.invoke(null, null, com.pulumi.core.internal.Codegen.empty());
    }

    private static Object value(Object output) {
        return Internal.of((Output<?>) output).getValueNullable().join();
    }
}
