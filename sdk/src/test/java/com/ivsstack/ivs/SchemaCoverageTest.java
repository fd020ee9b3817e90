package com.ivsstack.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads schema.json on its own (not through the generator) and checks, by reflection on the compiled SDK,
 * that every token and property is there with the Java type the schema implies, and that the SDK has no
 * class, export or argument the schema does not describe.
 */
class SchemaCoverageTest {

    private static final String ROOT = "com.ivsstack.ivs";
    private static JsonNode schema;
    private static Map<String, Class<?>> sdkClasses;

    @BeforeAll
    static void load() throws IOException, URISyntaxException, ClassNotFoundException {
        schema = new ObjectMapper().readTree(Files.readString(Path.of("..", "schema.json")));
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
        fields(schema.path("resources")).forEach((token, spec) -> {
            String pkg = packageOf(token);
            expected.add(pkg + "." + name(token));
            expected.add(pkg + "." + name(token) + "Args");
            expected.add(pkg + ".inputs." + name(token) + "State");
        });
        fields(schema.path("types")).forEach((token, spec) -> {
            String pkg = packageOf(token);
            if (spec.has("enum")) {
                expected.add(pkg + ".enums." + name(token));
            } else {
                if (isUsed(token, true)) {
                    expected.add(pkg + ".inputs." + name(token) + "Args");
                }
                if (isUsed(token, false)) {
                    expected.add(pkg + ".outputs." + name(token));
                }
            }
        });
        fields(schema.path("functions")).forEach((token, spec) -> {
            String pkg = packageOf(token);
            String cls = capitalize(name(token));
            expected.add(pkg + "." + capitalize(module(token).equals("index") ? "ivs" : module(token)) + "Functions");
            expected.add(pkg + ".outputs." + cls + "Result");
            if (spec.has("inputs")) {
                expected.add(pkg + ".inputs." + cls + "Args");
                expected.add(pkg + ".inputs." + cls + "PlainArgs");
            }
        });

        assertThat(sdkClasses.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void resources_everyOutput_isExportedWithTheSchemaType() {
        Set<String> resourceTokens = new TreeSet<>();
        fields(schema.path("resources")).forEach((token, spec) -> {
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
            fields(spec.path("properties")).forEach((property, p) ->
                    expected.put(property, "com.pulumi.core.Output<" + javaType(p, false) + ">"));
            assertThat(exported).as(token + " exports").isEqualTo(expected);
        });
        Set<String> annotated = sdkClasses.values().stream().filter(c -> c.isAnnotationPresent(ResourceType.class))
                .map(c -> c.getAnnotation(ResourceType.class).type()).collect(Collectors.toCollection(TreeSet::new));
        resourceTokens.add("pulumi:providers:ivs");
        assertThat(annotated).isEqualTo(resourceTokens);
    }

    @Test
    void resourceArgs_everyInput_isImportedWithTheSchemaTypeAndRequiredness() {
        fields(schema.path("resources")).forEach((token, spec) -> {
            Class<?> args = sdkClasses.get(packageOf(token) + "." + name(token) + "Args");
            assertImports(token + " args", args, spec.path("inputProperties"), spec.path("requiredInputs"), true);
            // get() qualifies a lookup by any output (or the schema's stateInputs), none of them required
            Class<?> state = sdkClasses.get(packageOf(token) + ".inputs." + name(token) + "State");
            JsonNode stateProperties = spec.has("stateInputs") ? spec.path("stateInputs").path("properties") : spec.path("properties");
            assertImports(token + " state", state, stateProperties, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), true);
        });
        assertImports("provider args", sdkClasses.get(ROOT + ".ProviderArgs"),
                schema.path("provider").path("inputProperties"), schema.path("provider").path("requiredInputs"), true);
    }

    @Test
    void objectTypes_everyProperty_appearsInTheInputAndOutputClasses() {
        fields(schema.path("types")).forEach((token, spec) -> {
            if (spec.has("enum")) {
                return;
            }
            if (isUsed(token, true)) {
                assertImports(token + " input", sdkClasses.get(packageOf(token) + ".inputs." + name(token) + "Args"),
                        spec.path("properties"), spec.path("required"), true);
            }
            if (isUsed(token, false)) {
                assertCustomType(token, sdkClasses.get(packageOf(token) + ".outputs." + name(token)), spec);
            }
        });
    }

    @Test
    void enums_everyValue_isACaseWithThatWireValue() throws ReflectiveOperationException {
        for (var entry : fields(schema.path("types")).entrySet()) {
            JsonNode spec = entry.getValue();
            if (!spec.has("enum")) {
                continue;
            }
            Class<?> cls = sdkClasses.get(packageOf(entry.getKey()) + ".enums." + name(entry.getKey()));
            assertThat(cls.isEnum() && cls.isAnnotationPresent(EnumType.class)).as(entry.getKey()).isTrue();
            Method value = Arrays.stream(cls.getMethods()).filter(m -> m.isAnnotationPresent(EnumType.Converter.class))
                    .findFirst().orElseThrow();
            List<Object> wire = new ArrayList<>();
            for (Object constant : cls.getEnumConstants()) {
                wire.add(value.invoke(constant));
            }
            List<Object> expected = StreamSupport.stream(spec.get("enum").spliterator(), false)
                    .map(v -> (Object) v.get("value").asText()).toList();
            assertThat(wire).as(entry.getKey()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void functions_everyFunction_hasOutputAndPlainVariantsAndItsResultType() {
        Map<String, Set<String>> expectedMethods = new TreeMap<>();
        fields(schema.path("functions")).forEach((token, spec) -> {
            String pkg = packageOf(token);
            String fn = capitalize(module(token).equals("index") ? "ivs" : module(token)) + "Functions";
            expectedMethods.computeIfAbsent(pkg + "." + fn, k -> new TreeSet<>()).addAll(List.of(name(token), name(token) + "Plain"));
            String cls = capitalize(name(token));
            assertCustomType(token + " result", sdkClasses.get(pkg + ".outputs." + cls + "Result"), spec.path("outputs"));
            if (spec.has("inputs")) {
                JsonNode inputs = spec.get("inputs");
                assertImports(token + " args", sdkClasses.get(pkg + ".inputs." + cls + "Args"), inputs.path("properties"),
                        inputs.path("required"), true);
                assertImports(token + " plain args", sdkClasses.get(pkg + ".inputs." + cls + "PlainArgs"),
                        inputs.path("properties"), inputs.path("required"), false);
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
        assertThat(declared).isEqualTo(fields(schema.path("config").path("variables")).keySet());
    }

    @Test
    void resources_secretOutputs_areAdditionalSecretOutputsOfTheDefaultOptions() throws ReflectiveOperationException {
        for (var entry : fields(schema.path("resources")).entrySet()) {
            List<String> secrets = fields(entry.getValue().path("properties")).entrySet().stream()
                    .filter(e -> e.getValue().path("secret").asBoolean()).map(Map.Entry::getKey).toList();
            Class<?> cls = sdkClasses.get(packageOf(entry.getKey()) + "." + name(entry.getKey()));
            Method make = cls.getDeclaredMethod("makeResourceOptions", CustomResourceOptions.class, Output.class);
            make.setAccessible(true);
            var options = (CustomResourceOptions) make.invoke(null, null, Codegen.empty());

            assertThat(options.getAdditionalSecretOutputs()).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(secrets);
            assertThat(options.getVersion()).as(entry.getKey()).contains(schema.get("version").asText());
        }
    }

    private static void assertImports(String what, Class<?> cls, JsonNode properties, JsonNode required, boolean output) {
        Set<String> requiredNames = new HashSet<>();
        required.forEach(n -> requiredNames.add(n.asText()));
        Map<String, String> actual = new TreeMap<>();
        for (Field field : cls.getDeclaredFields()) {
            Import imp = field.getAnnotation(Import.class);
            if (imp != null) {
                actual.put(imp.name(), field.getGenericType().getTypeName() + (imp.required() ? " required" : ""));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        fields(properties).forEach((property, p) -> {
            String type = output ? "com.pulumi.core.Output<" + javaType(p, true) + ">" : plainInputType(p);
            expected.put(property, type + (requiredNames.contains(property) ? " required" : ""));
        });
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static void assertCustomType(String what, Class<?> cls, JsonNode spec) {
        assertThat(cls.isAnnotationPresent(CustomType.class)).as(what).isTrue();
        Map<String, String> actual = new TreeMap<>();
        for (Field field : cls.getDeclaredFields()) {
            actual.put(field.getName(), field.getGenericType().getTypeName());
        }
        Map<String, String> expected = new TreeMap<>();
        fields(spec.path("properties")).forEach((property, p) -> expected.put(property, javaType(p, false)));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    /** The Java type the Pulumi Java generator gives a schema type. */
    private static String javaType(JsonNode spec, boolean input) {
        if (spec.has("$ref")) {
            String ref = spec.get("$ref").asText();
            if (ref.startsWith("pulumi.json#/")) {
                return "java.lang.Object";
            }
            String token = ref.substring("#/types/".length());
            if (schema.path("types").path(token).has("enum")) {
                return packageOf(token) + ".enums." + name(token);
            }
            return input ? packageOf(token) + ".inputs." + name(token) + "Args" : packageOf(token) + ".outputs." + name(token);
        }
        return switch (spec.get("type").asText()) {
            case "string" -> "java.lang.String";
            case "integer" -> "java.lang.Integer";
            case "number" -> "java.lang.Double";
            case "boolean" -> "java.lang.Boolean";
            case "array" -> "java.util.List<" + javaType(spec.get("items"), input) + ">";
            case "object" -> "java.util.Map<java.lang.String, " + javaType(spec.get("additionalProperties"), input) + ">";
            default -> throw new AssertionError("unexpected schema type " + spec);
        };
    }

    private static String plainInputType(JsonNode spec) {
        String type = javaType(spec, true);
        // plain function args use the plain input classes, named without the Args suffix
        return type.replaceAll("(\\.inputs\\.\\w+)Args", "$1");
    }

    private static boolean isUsed(String typeToken, boolean asInput) {
        String ref = "\"#/types/" + typeToken + "\"";
        List<JsonNode> roots = new ArrayList<>();
        fields(schema.path("resources")).values().forEach(r -> roots.add(asInput ? r.path("inputProperties") : r.path("properties")));
        fields(schema.path("functions")).values().forEach(f -> roots.add(asInput ? f.path("inputs") : f.path("outputs")));
        roots.add(asInput ? schema.path("provider").path("inputProperties") : schema.path("provider").path("properties"));
        Set<String> reachable = new HashSet<>();
        roots.forEach(r -> collectRefs(r, reachable));
        return reachable.contains(ref) || (asInput && isStateReachable(ref));
    }

    private static boolean isStateReachable(String ref) {
        // State classes take the outputs as optional inputs, so output types reappear as input types
        Set<String> reachable = new HashSet<>();
        fields(schema.path("resources")).values().forEach(r -> collectRefs(r.path("properties"), reachable));
        return reachable.contains(ref);
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.has("$ref")) {
            String ref = "\"" + node.get("$ref").asText() + "\"";
            if (into.add(ref) && ref.startsWith("\"#/types/")) {
                collectRefs(schema.path("types").path(ref.substring(9, ref.length() - 1)), into);
            }
        }
        node.forEach(child -> collectRefs(child, into));
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            map.put(e.getKey(), e.getValue());
        }
        return map;
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
