package com.ivsstack.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.SchemaReader;
import com.ivsstack.pulumi.schema.TypeSpec;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.EnumType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads schema.json (with the one schema reader, not through the generator's emitters) and checks, by reflection on the
 * compiled SDK,
 * that every token and property is there with the Java type the schema implies, and that the SDK has no
 * class, export or argument the schema does not describe.
 */
class SchemaCoverageTest {

    private static final String ROOT = "com.ivsstack.ivs";
    private static PackageSchema schema;
    private static Map<String, Class<?>> sdkClasses;

    @BeforeAll
    static void load() throws IOException, URISyntaxException, ClassNotFoundException {
        schema = SchemaReader.read(Path.of("..", "schema.json"));
        Path classes = Path.of(Channel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        sdkClasses = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("com/ivsstack/ivs"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                // without initializing: Config reads the deployment in its static initializer
                sdkClasses.put(name, Class.forName(name, false, SchemaCoverageTest.class.getClassLoader()));
            }
        }
    }

    @Test
    void sdk_comparedWithSchema_hasExactlyTheClassesTheSchemaImplies() {
        Set<String> expected = new TreeSet<>(List.of(ROOT + ".Provider", ROOT + ".ProviderArgs", ROOT + ".Config",
                ROOT + ".Utilities"));
        schema.resources().keySet().forEach(token -> {
            String pkg = packageOf(token);
            expected.add(pkg + "." + name(token));
            expected.add(pkg + "." + name(token) + "Args");
            expected.add(pkg + ".inputs." + name(token) + "State");
        });
        schema.enumTypes().keySet().forEach(token -> expected.add(packageOf(token) + ".enums." + name(token)));
        schema.objectTypes().keySet().forEach(token -> {
            String pkg = packageOf(token);
            if (isUsed(token, true)) {
                expected.add(pkg + ".inputs." + name(token) + "Args");
            }
            if (isUsed(token, false)) {
                expected.add(pkg + ".outputs." + name(token));
            }
        });
        schema.functions().forEach((token, spec) -> {
            String pkg = packageOf(token);
            String cls = capitalize(name(token));
            expected.add(pkg + "." + capitalize(module(token).equals("index") ? "ivs" : module(token)) + "Functions");
            expected.add(pkg + ".outputs." + cls + "Result");
            if (spec.inputs() != null) {
                expected.add(pkg + ".inputs." + cls + "Args");
                expected.add(pkg + ".inputs." + cls + "PlainArgs");
            }
        });

        assertThat(sdkClasses.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void resources_everyOutput_isExportedWithTheSchemaType() {
        Set<String> resourceTokens = new TreeSet<>();
        schema.resources().forEach((token, spec) -> {
            Class<?> cls = sdkClasses.get(packageOf(token) + "." + name(token));
            assertThat(cls.getAnnotation(ResourceType.class).type()).isEqualTo(token);
            resourceTokens.add(token);

            Map<String, String> exported = new TreeMap<>();
            for (Field field : cls.getDeclaredFields()) {
                Export export = field.getAnnotation(Export.class);
                if (export != null) {
                    exported.put(export.name(), field.getGenericType().getTypeName());
                }
            }
            Map<String, String> expected = new TreeMap<>();
            spec.outputs().declared().forEach((property, p) ->
                    expected.put(property, "com.pulumi.core.Output<" + javaType(p.type(), false) + ">"));
            assertThat(exported).as(token + " exports").isEqualTo(expected);
        });
        Set<String> annotated = sdkClasses.values().stream().filter(c -> c.isAnnotationPresent(ResourceType.class))
                .map(c -> c.getAnnotation(ResourceType.class).type()).collect(Collectors.toCollection(TreeSet::new));
        resourceTokens.add("pulumi:providers:ivs");
        assertThat(annotated).isEqualTo(resourceTokens);
    }

    @Test
    void resourceArgs_everyInput_isImportedWithTheSchemaTypeAndRequiredness() {
        schema.resources().forEach((token, spec) -> {
            Class<?> args = sdkClasses.get(packageOf(token) + "." + name(token) + "Args");
            assertImports(token + " args", args, spec.inputs(), spec.inputs().required(), true);
            // get() qualifies a lookup by any output (or the schema's stateInputs), none of them required
            Class<?> state = sdkClasses.get(packageOf(token) + ".inputs." + name(token) + "State");
            assertImports(token + " state", state, spec.stateInputs() != null ? spec.stateInputs() : spec.outputs(), Set.of(), true);
        });
        assertImports("provider args", sdkClasses.get(ROOT + ".ProviderArgs"),
                schema.provider().inputs(), schema.provider().inputs().required(), true);
    }

    @Test
    void objectTypes_everyProperty_appearsInTheInputAndOutputClasses() {
        schema.objectTypes().forEach((token, spec) -> {
            if (isUsed(token, true)) {
                assertImports(token + " input", sdkClasses.get(packageOf(token) + ".inputs." + name(token) + "Args"),
                        spec.shape(), spec.shape().required(), true);
            }
            if (isUsed(token, false)) {
                assertCustomType(token, sdkClasses.get(packageOf(token) + ".outputs." + name(token)), spec.shape());
            }
        });
    }

    @Test
    void enums_everyValue_isACaseWithThatWireValue() throws ReflectiveOperationException {
        for (var entry : schema.enumTypes().entrySet()) {
            Class<?> cls = sdkClasses.get(packageOf(entry.getKey()) + ".enums." + name(entry.getKey()));
            assertThat(cls.isEnum() && cls.isAnnotationPresent(EnumType.class)).as(entry.getKey()).isTrue();
            Method value = Arrays.stream(cls.getMethods()).filter(m -> m.isAnnotationPresent(EnumType.Converter.class))
                    .findFirst().orElseThrow();
            List<Object> wire = new ArrayList<>();
            for (Object constant : cls.getEnumConstants()) {
                wire.add(value.invoke(constant));
            }
            List<Object> expected = List.copyOf(entry.getValue().valueTexts());
            assertThat(wire).as(entry.getKey()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void functions_everyFunction_hasOutputAndPlainVariantsAndItsResultType() {
        Map<String, Set<String>> expectedMethods = new TreeMap<>();
        schema.functions().forEach((token, spec) -> {
            String pkg = packageOf(token);
            String fn = capitalize(module(token).equals("index") ? "ivs" : module(token)) + "Functions";
            expectedMethods.computeIfAbsent(pkg + "." + fn, k -> new TreeSet<>()).addAll(List.of(name(token), name(token) + "Plain"));
            String cls = capitalize(name(token));
            assertCustomType(token + " result", sdkClasses.get(pkg + ".outputs." + cls + "Result"), spec.outputs());
            if (spec.inputs() != null) {
                assertImports(token + " args", sdkClasses.get(pkg + ".inputs." + cls + "Args"), spec.inputs(),
                        spec.inputs().required(), true);
                assertImports(token + " plain args", sdkClasses.get(pkg + ".inputs." + cls + "PlainArgs"),
                        spec.inputs(), spec.inputs().required(), false);
            }
        });
        expectedMethods.forEach((cls, methods) -> {
            Set<String> declared = Arrays.stream(sdkClasses.get(cls).getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(declared).as(cls).isEqualTo(methods);
        });
    }

    @Test
    void config_everyVariable_hasAnAccessor() {
        Set<String> declared = Arrays.stream(sdkClasses.get(ROOT + ".Config").getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toSet());
        assertThat(declared).isEqualTo(schema.config().declared().keySet());
    }

    @Test
    void resources_secretOutputs_areAdditionalSecretOutputsOfTheDefaultOptions() throws ReflectiveOperationException {
        for (var entry : schema.resources().entrySet()) {
            List<String> secrets = entry.getValue().outputs().declared().values().stream()
                    .filter(PropertySpec::secret).map(PropertySpec::name).toList();
            Class<?> cls = sdkClasses.get(packageOf(entry.getKey()) + "." + name(entry.getKey()));
            Method make = cls.getDeclaredMethod("makeResourceOptions", CustomResourceOptions.class, Output.class);
            make.setAccessible(true);
            var options = (CustomResourceOptions) make.invoke(null, null, Codegen.empty());

            assertThat(options.getAdditionalSecretOutputs()).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(secrets);
            assertThat(options.getVersion()).as(entry.getKey()).contains(schema.version());
        }
    }

    private static void assertImports(String what, Class<?> cls, ObjectShape properties, Set<String> required, boolean output) {
        Map<String, String> actual = new TreeMap<>();
        for (Field field : cls.getDeclaredFields()) {
            Import imp = field.getAnnotation(Import.class);
            if (imp != null) {
                actual.put(imp.name(), field.getGenericType().getTypeName() + (imp.required() ? " required" : ""));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        properties.declared().forEach((property, p) -> {
            String type = output ? "com.pulumi.core.Output<" + javaType(p.type(), true) + ">" : plainInputType(p.type());
            expected.put(property, type + (required.contains(property) ? " required" : ""));
        });
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static void assertCustomType(String what, Class<?> cls, ObjectShape shape) {
        assertThat(cls.isAnnotationPresent(CustomType.class)).as(what).isTrue();
        Map<String, String> actual = new TreeMap<>();
        for (Field field : cls.getDeclaredFields()) {
            actual.put(field.getName(), field.getGenericType().getTypeName());
        }
        Map<String, String> expected = new TreeMap<>();
        shape.declared().forEach((property, p) -> expected.put(property, javaType(p.type(), false)));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    /** The Java type the Pulumi Java generator gives a schema type. */
    private static String javaType(TypeSpec type, boolean input) {
        if (type instanceof TypeSpec.Named named) {
            String token = named.token().text();
            if (schema.enumTypes().containsKey(token)) {
                return packageOf(token) + ".enums." + name(token);
            }
            return input ? packageOf(token) + ".inputs." + name(token) + "Args" : packageOf(token) + ".outputs." + name(token);
        }
        if (type instanceof TypeSpec.ArrayOf array) {
            return "java.util.List<" + javaType(array.items(), input) + ">";
        }
        if (type instanceof TypeSpec.MapOf map) {
            return "java.util.Map<java.lang.String, " + javaType(map.values(), input) + ">";
        }
        return switch (((TypeSpec.Primitive) type).kind()) {
            case STRING -> "java.lang.String";
            case INTEGER -> "java.lang.Integer";
            case NUMBER -> "java.lang.Double";
            case BOOLEAN -> "java.lang.Boolean";
            case ANY -> "java.lang.Object";
        };
    }

    private static String plainInputType(TypeSpec type) {
        String javaType = javaType(type, true);
        // plain function args use the plain input classes, named without the Args suffix
        return javaType.replaceAll("(\\.inputs\\.\\w+)Args", "$1");
    }

    private static boolean isUsed(String typeToken, boolean asInput) {
        List<ObjectShape> roots = new ArrayList<>();
        schema.resources().values().forEach(r -> roots.add(asInput ? r.inputs() : r.outputs()));
        schema.functions().values().forEach(f -> roots.add(asInput ? f.arguments() : f.outputs()));
        roots.add(asInput ? schema.provider().inputs() : schema.provider().outputs());
        Set<String> reachable = new HashSet<>();
        roots.forEach(r -> collectRefs(r, reachable));
        return reachable.contains(typeToken) || (asInput && isStateReachable(typeToken));
    }

    private static boolean isStateReachable(String typeToken) {
        // State classes take the outputs as optional inputs, so output types reappear as input types
        Set<String> reachable = new HashSet<>();
        schema.resources().values().forEach(r -> collectRefs(r.outputs(), reachable));
        return reachable.contains(typeToken);
    }

    private static void collectRefs(ObjectShape shape, Set<String> into) {
        shape.declared().values().forEach(property -> collectRefs(property.type(), into));
    }

    private static void collectRefs(TypeSpec type, Set<String> into) {
        if (type instanceof TypeSpec.ArrayOf array) {
            collectRefs(array.items(), into);
        } else if (type instanceof TypeSpec.MapOf map) {
            collectRefs(map.values(), into);
        } else if (type instanceof TypeSpec.Named named && into.add(named.token().text())
                && schema.objectTypes().containsKey(named.token().text())) {
            collectRefs(schema.objectType(named.token().text()).shape(), into);
        }
    }

    private static String packageOf(String token) {
        return module(token).equals("index") ? ROOT : ROOT + "." + module(token);
    }

    private static String module(String token) {
        return token.split(":")[1];
    }

    private static String name(String token) {
        return token.split(":")[2];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
