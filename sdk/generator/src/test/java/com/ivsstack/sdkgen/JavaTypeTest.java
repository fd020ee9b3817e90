package com.ivsstack.sdkgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaType;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JavaTypeTest {

    private static final JavaType SRT = JavaType.of("com.ivsstack.ivs.outputs", "ChannelSrt");

    static Stream<Arguments> exportShapes() {
        return Stream.of(
                Arguments.of(JavaType.STRING, "String", "[0]"),
                Arguments.of(SRT, "ChannelSrt", "[0]"),
                Arguments.of(JavaType.map(JavaType.STRING), "Map,String", "[0,1,1]"),
                Arguments.of(JavaType.list(JavaType.STRING), "List,String", "[0,1]"),
                Arguments.of(JavaType.list(JavaType.list(JavaType.INTEGER)), "List,Integer", "[0,[0,1]]"),
                Arguments.of(JavaType.map(JavaType.list(SRT)), "Map,String,List,ChannelSrt", "[0,1,[2,3]]"));
    }

    @ParameterizedTest
    @MethodSource("exportShapes")
    void exportRefsAndTree_genericShape_encodeTypeAsPulumiDeserializerReadsIt(JavaType type, String refs, String tree) {
        assertThat(type.exportRefs()).extracting(JavaType::simpleName).containsExactly(refs.split(","));
        assertThat(type.exportTree()).isEqualTo(tree);
    }

    @ParameterizedTest
    @MethodSource("exportShapes")
    void exportTree_anyShape_isAcceptedByPulumiTypeShape(JavaType type, String refs, String tree) throws Exception {
        Class<?>[] classes = type.exportRefs().stream().map(JavaTypeTest::load).toArray(Class<?>[]::new);

        var shape = com.pulumi.core.TypeShape.fromTree(classes, tree);

        assertThat(shape.getType()).isEqualTo(classes[0]);
    }

    @org.junit.jupiter.api.Test
    void render_twoClassesWithOneSimpleName_importsTheFirstAndQualifiesTheSecond() {
        var imports = new Imports("com.ivsstack.ivs", Set.of("RecordingConfiguration"));
        JavaType stateEnum = JavaType.of("com.ivsstack.ivs.enums", "RecordingConfigurationState");
        JavaType stateArgs = JavaType.of("com.ivsstack.ivs.inputs", "RecordingConfigurationState");

        assertThat(stateEnum.render(imports)).isEqualTo("RecordingConfigurationState");
        assertThat(stateArgs.render(imports)).isEqualTo("com.ivsstack.ivs.inputs.RecordingConfigurationState");
        assertThat(JavaType.map(JavaType.STRING).render(imports)).isEqualTo("Map<String,String>");
        assertThat(imports.render()).isEqualTo("import com.ivsstack.ivs.enums.RecordingConfigurationState;\n"
                + "import java.lang.String;\nimport java.util.Map;\n");
    }

    private static Class<?> load(JavaType type) {
        if (type.packageName().startsWith("com.ivsstack")) {
            return Object.class; // a generated class: any class stands in for the shape check
        }
        try {
            return Class.forName(type.qualifiedName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
