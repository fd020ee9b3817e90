package com.ivsstack.pulumi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.pulumi.value.StreamingJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a package schema (schema.json) into a {@link PackageSchema}: the one reader, for the provider and the SDK
 * generator alike, rejecting what they would get wrong with a {@link SchemaException} that names the place and the
 * rule. The text is parsed with jackson-core's streaming parser ({@link StreamingJson}): a provider reads its schema on
 * its start path.
 */
public final class SchemaReader {

    private static final String TYPE_REF_PREFIX = "#/types/";

    private SchemaReader() {}

    public static PackageSchema read(Path schemaFile) {
        try {
            return read(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException("reading schema " + schemaFile + ": " + e.getMessage(), e);
        }
    }

    /** Reads the schema's text; {@link PackageSchema#source()} keeps it byte for byte. */
    public static PackageSchema read(String json) {
        JsonNode root;
        try {
            root = StreamingJson.tree(json);
        } catch (IOException e) {
            throw new SchemaException("the schema is not valid JSON: " + e.getMessage());
        }
        return read(root, json);
    }

    public static PackageSchema read(JsonNode root) {
        return read(root, root.toString());
    }

    private static PackageSchema read(JsonNode root, String source) {
        String name = requiredText(root, "name", "schema");
        JsonNode types = root.path("types");
        Set<String> declaredTypes = new LinkedHashSet<>();
        types.fieldNames().forEachRemaining(declaredTypes::add);
        var reader = new Context(declaredTypes);

        Map<String, ObjectTypeSpec> objects = new TreeMap<>();
        Map<String, EnumTypeSpec> enums = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            var entry = it.next();
            Token token = Token.parse(entry.getKey());
            JsonNode spec = entry.getValue();
            if (spec.has("enum")) {
                enums.put(token.text(), reader.enumType(token, spec));
            } else {
                objects.put(token.text(), new ObjectTypeSpec(token, text(spec, "description"),
                        reader.shape(spec, "types." + token)));
            }
        }

        Map<String, ResourceSpec> resources = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("resources").fields(); it.hasNext(); ) {
            var entry = it.next();
            resources.put(entry.getKey(), reader.resource(Token.parse(entry.getKey()), entry.getValue()));
        }

        Map<String, FunctionSpec> functions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("functions").fields(); it.hasNext(); ) {
            var entry = it.next();
            Token token = Token.parse(entry.getKey());
            JsonNode spec = entry.getValue();
            if (spec.has("returnType") || spec.path("multiArgumentInputs").size() > 0) {
                throw new SchemaException("functions." + token + ": returnType and multiArgumentInputs are not supported;"
                        + " declare 'inputs' and 'outputs' objects");
            }
            ObjectShape inputs = spec.has("inputs") ? reader.shape(spec.get("inputs"), "functions." + token + ".inputs") : null;
            functions.put(token.text(), new FunctionSpec(token, text(spec, "description"), inputs,
                    reader.shape(spec.path("outputs"), "functions." + token + ".outputs"),
                    text(spec, "deprecationMessage")));
        }

        JsonNode java = root.path("language").path("java");
        Map<String, String> javaPackages = new TreeMap<>();
        java.path("packages").fields().forEachRemaining(e -> javaPackages.put(e.getKey(), e.getValue().asText()));

        Token providerToken = new Token("pulumi:providers:" + name, "pulumi", "providers", name);
        JsonNode provider = root.path("provider");
        ResourceSpec providerSpec = new ResourceSpec(providerToken, text(provider, "description"),
                reader.shape(provider, "provider"), reader.inputShape(provider, "provider"), null, null);

        JsonNode configVariables = root.path("config").path("variables");
        List<PropertySpec> configProps = reader.properties(configVariables, "config.variables");
        Set<String> configRequired = new LinkedHashSet<>();
        root.path("config").path("defaults").forEach(n -> configRequired.add(n.asText()));

        return new PackageSchema(name, text(root, "displayName"), text(root, "version"), text(root, "description"),
                text(root, "pluginDownloadURL"), text(java, "basePackage"), Collections.unmodifiableMap(javaPackages),
                new ObjectShape(configProps, configRequired), providerSpec,
                Collections.unmodifiableMap(objects), Collections.unmodifiableMap(enums),
                Collections.unmodifiableMap(resources), Collections.unmodifiableMap(functions), source);
    }

    private record Context(Set<String> declaredTypes) {

        ResourceSpec resource(Token token, JsonNode spec) {
            String where = "resources." + token;
            ObjectShape state = spec.has("stateInputs") ? shape(spec.get("stateInputs"), where + ".stateInputs") : null;
            return new ResourceSpec(token, text(spec, "description"), shape(spec, where), inputShape(spec, where), state,
                    text(spec, "deprecationMessage"));
        }

        ObjectShape shape(JsonNode spec, String where) {
            return new ObjectShape(properties(spec.path("properties"), where + ".properties"),
                    names(spec.path("required"), spec.path("properties"), where + ".required"));
        }

        ObjectShape inputShape(JsonNode spec, String where) {
            return new ObjectShape(properties(spec.path("inputProperties"), where + ".inputProperties"),
                    names(spec.path("requiredInputs"), spec.path("inputProperties"), where + ".requiredInputs"));
        }

        List<PropertySpec> properties(JsonNode properties, String where) {
            List<PropertySpec> result = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                var entry = it.next();
                result.add(property(entry.getKey(), entry.getValue(), where + "." + entry.getKey()));
            }
            return List.copyOf(result);
        }

        PropertySpec property(String name, JsonNode spec, String where) {
            List<String> environment = new ArrayList<>();
            spec.path("defaultInfo").path("environment").forEach(n -> environment.add(n.asText()));
            JsonNode defaultValue = spec.has("default") && !spec.get("default").isNull() ? spec.get("default") : null;
            return new PropertySpec(name, type(spec, where), text(spec, "description"), defaultValue,
                    List.copyOf(environment), spec.path("secret").asBoolean(false),
                    spec.path("replaceOnChanges").asBoolean(false), text(spec, "deprecationMessage"));
        }

        TypeSpec type(JsonNode spec, String where) {
            if (spec.has("$ref")) {
                String ref = spec.get("$ref").asText();
                if (ref.equals("pulumi.json#/Any") || ref.equals("pulumi.json#/Json")) {
                    return new TypeSpec.Primitive(TypeSpec.PrimitiveKind.ANY);
                }
                if (!ref.startsWith(TYPE_REF_PREFIX)) {
                    throw new SchemaException(where + ": $ref '" + ref + "' is not supported; only '#/types/<token>',"
                            + " 'pulumi.json#/Any' and 'pulumi.json#/Json' are");
                }
                String token = ref.substring(TYPE_REF_PREFIX.length());
                if (!declaredTypes.contains(token)) {
                    throw new SchemaException(where + ": $ref '" + ref + "' names a type that 'types' does not declare");
                }
                return new TypeSpec.Named(Token.parse(token));
            }
            if (spec.has("oneOf")) {
                throw new SchemaException(where + ": oneOf is not supported; use a single type");
            }
            String type = text(spec, "type");
            if (type == null) {
                throw new SchemaException(where + ": has neither 'type' nor '$ref'");
            }
            return switch (type) {
                case "string" -> new TypeSpec.Primitive(TypeSpec.PrimitiveKind.STRING);
                case "integer" -> new TypeSpec.Primitive(TypeSpec.PrimitiveKind.INTEGER);
                case "number" -> new TypeSpec.Primitive(TypeSpec.PrimitiveKind.NUMBER);
                case "boolean" -> new TypeSpec.Primitive(TypeSpec.PrimitiveKind.BOOLEAN);
                case "array" -> new TypeSpec.ArrayOf(type(required(spec, "items", where), where + ".items"));
                case "object" -> new TypeSpec.MapOf(spec.has("additionalProperties")
                        ? type(spec.get("additionalProperties"), where + ".additionalProperties")
                        : new TypeSpec.Primitive(TypeSpec.PrimitiveKind.ANY));
                default -> throw new SchemaException(where + ": type '" + type
                        + "' is not one of string, integer, number, boolean, array, object");
            };
        }

        EnumTypeSpec enumType(Token token, JsonNode spec) {
            String where = "types." + token;
            TypeSpec underlying = type(spec, where);
            if (!(underlying instanceof TypeSpec.Primitive primitive) || primitive.kind() == TypeSpec.PrimitiveKind.ANY) {
                throw new SchemaException(where + ": an enum must be over string, integer, number or boolean");
            }
            List<EnumTypeSpec.Value> values = new ArrayList<>();
            for (JsonNode value : spec.get("enum")) {
                if (!value.has("value")) {
                    throw new SchemaException(where + ".enum: every case needs a 'value'");
                }
                values.add(new EnumTypeSpec.Value(text(value, "name"), value.get("value"), text(value, "description"),
                        text(value, "deprecationMessage")));
            }
            return new EnumTypeSpec(token, text(spec, "description"), primitive.kind(), List.copyOf(values));
        }

        private static Set<String> names(JsonNode list, JsonNode properties, String where) {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode n : list) {
                if (!properties.has(n.asText())) {
                    throw new SchemaException(where + ": '" + n.asText() + "' is not a declared property");
                }
                names.add(n.asText());
            }
            return Collections.unmodifiableSet(names);
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        if (!node.has(field)) {
            throw new SchemaException(where + ": '" + field + "' is required");
        }
        return node.get(field);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        return required(node, field, where).asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
