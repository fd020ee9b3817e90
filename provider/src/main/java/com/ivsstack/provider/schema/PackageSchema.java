package com.ivsstack.provider.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * schema.json, read once: the one description of every resource, property, type, default, secret and
 * replace-on-change. Check and diff are driven by this metadata rather than by copies of it in code.
 */
public final class PackageSchema {

    /** Where the provider jar carries schema.json (copied from the repository root by the provider's pom). */
    public static final String RESOURCE_PATH = "/schema.json";

    private final String json;
    private final JsonNode root;
    private final Map<String, ObjectSchema> types = new LinkedHashMap<>();
    private final Map<String, ResourceSchema> resources = new LinkedHashMap<>();
    private final Map<String, FunctionSchema> functions = new LinkedHashMap<>();
    private final ObjectSchema config;

    private PackageSchema(String json) {
        this.json = json;
        try {
            this.root = Json.tree(json);
        } catch (IOException e) {
            throw new IllegalStateException("schema.json is not valid JSON: " + e.getMessage(), e);
        }
        var typeNodes = root.path("types");
        typeNodes.fieldNames().forEachRemaining(token -> {
            var node = typeNodes.get(token);
            if (!node.has("enum")) {
                types.put(token, objectSchema(token, node.path("properties"), node.path("required")));
            }
        });
        var resourceNodes = root.path("resources");
        resourceNodes.fieldNames().forEachRemaining(token -> {
            var node = resourceNodes.get(token);
            resources.put(token, new ResourceSchema(token, node.path("description").asText(),
                    objectSchema(token, node.path("inputProperties"), node.path("requiredInputs")),
                    objectSchema(token, node.path("properties"), node.path("required"))));
        });
        var functionNodes = root.path("functions");
        functionNodes.fieldNames().forEachRemaining(token -> {
            var node = functionNodes.get(token);
            functions.put(token, new FunctionSchema(token,
                    objectSchema(token, node.path("inputs").path("properties"), node.path("inputs").path("required")),
                    objectSchema(token, node.path("outputs").path("properties"), node.path("outputs").path("required"))));
        });
        this.config = objectSchema("pulumi:providers:" + name(), root.path("config").path("variables"), JsonNodeFactory.instance.arrayNode());
    }

    /** Reads schema.json from the classpath. */
    public static PackageSchema load() {
        try (InputStream in = PackageSchema.class.getResourceAsStream(RESOURCE_PATH)) {
            if (in == null) {
                throw new IllegalStateException("schema.json is missing from the classpath (" + RESOURCE_PATH
                        + "); the provider jar is built wrongly");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema.json from the classpath", e);
        }
    }

    public static PackageSchema parse(String json) {
        return new PackageSchema(json);
    }

    /** The schema exactly as shipped, byte for byte. */
    public String json() {
        return json;
    }

    public String name() {
        return root.path("name").asText();
    }

    public String version() {
        return root.path("version").asText();
    }

    public Set<String> resourceTokens() {
        return Collections.unmodifiableSet(resources.keySet());
    }

    public Set<String> functionTokens() {
        return Collections.unmodifiableSet(functions.keySet());
    }

    public ResourceSchema resource(String token) {
        return require(resources.get(token), "resource", token);
    }

    public Optional<ResourceSchema> findResource(String token) {
        return Optional.ofNullable(resources.get(token));
    }

    public FunctionSchema function(String token) {
        return require(functions.get(token), "function", token);
    }

    public ObjectSchema type(String token) {
        return require(types.get(token), "object type", token);
    }

    /** The provider configuration variables. */
    public ObjectSchema config() {
        return config;
    }

    private static <T> T require(T value, String kind, String token) {
        if (value == null) {
            throw new IllegalArgumentException("schema.json has no " + kind + " " + token);
        }
        return value;
    }

    private ObjectSchema objectSchema(String token, JsonNode properties, JsonNode required) {
        var specs = new LinkedHashMap<String, PropertySpec>();
        properties.fieldNames().forEachRemaining(name -> {
            var node = properties.get(name);
            specs.put(name, new PropertySpec(name, typeRef(node), node.path("description").asText(""),
                    defaultValue(node.get("default")), node.path("secret").asBoolean(false),
                    node.path("replaceOnChanges").asBoolean(false)));
        });
        Set<String> requiredNames = new HashSet<>();
        required.forEach(n -> requiredNames.add(n.asText()));
        return new ObjectSchema(token, specs, requiredNames);
    }

    private TypeRef typeRef(JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (ref.equals("pulumi.json#/Any")) {
                return new TypeRef.Primitive(TypeRef.PrimitiveKind.ANY);
            }
            String token = ref.substring(ref.indexOf("#/types/") + "#/types/".length());
            JsonNode typeNode = root.path("types").path(token);
            if (typeNode.has("enum")) {
                List<String> values = new ArrayList<>();
                typeNode.get("enum").forEach(v -> values.add(v.path("value").asText()));
                return new TypeRef.EnumOf(token, values);
            }
            return new TypeRef.ObjectOf(token, this);
        }
        return switch (node.path("type").asText("")) {
            case "string" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.STRING);
            case "boolean" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.BOOLEAN);
            case "integer" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.INTEGER);
            case "number" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.NUMBER);
            case "array" -> new TypeRef.ArrayOf(typeRef(node.path("items")));
            case "object" -> new TypeRef.MapOf(node.has("additionalProperties")
                    ? typeRef(node.get("additionalProperties"))
                    : new TypeRef.Primitive(TypeRef.PrimitiveKind.ANY));
            default -> new TypeRef.Primitive(TypeRef.PrimitiveKind.ANY);
        };
    }

    private static Object defaultValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
