package com.ivsstack.pulumi.schema;

import java.util.Map;
import java.util.Set;

/**
 * A Pulumi package schema (schema.json) as {@link SchemaReader} reads it: the one description of every resource,
 * property, type, default, secret and replacement, for the provider's check and diff and for the SDK generator. Every
 * map is sorted by token so that generating twice gives byte-identical files; the properties of an object keep the
 * order the schema declares them in ({@link ObjectShape}).
 *
 * @param javaBasePackage {@code language.java.basePackage}, or null for Pulumi's default
 * @param javaPackages {@code language.java.packages}: module to Java package segment
 * @param config the provider's configuration variables ({@code config.variables})
 * @param provider the {@code provider} block as a resource with token {@code pulumi:providers:<name>}
 * @param source the schema's text as read, byte for byte
 */
public record PackageSchema(
        String name,
        String displayName,
        String version,
        String description,
        String pluginDownloadUrl,
        String javaBasePackage,
        Map<String, String> javaPackages,
        ObjectShape config,
        ResourceSpec provider,
        Map<String, ObjectTypeSpec> objectTypes,
        Map<String, EnumTypeSpec> enumTypes,
        Map<String, ResourceSpec> resources,
        Map<String, FunctionSpec> functions,
        String source) {

    public Set<String> resourceTokens() {
        return resources.keySet();
    }

    public Set<String> functionTokens() {
        return functions.keySet();
    }

    public ResourceSpec resource(String token) {
        return require(resources.get(token), "resource", token);
    }

    public FunctionSpec function(String token) {
        return require(functions.get(token), "function", token);
    }

    public ObjectTypeSpec objectType(String token) {
        return require(objectTypes.get(token), "object type", token);
    }

    /** The enum a type names, or null when it names none (a primitive, list, map or object type). */
    public EnumTypeSpec enumOf(TypeSpec type) {
        return type instanceof TypeSpec.Named named ? enumTypes.get(named.token().text()) : null;
    }

    /** The object type a type names, or null when it names none (a primitive, list, map or enum). */
    public ObjectTypeSpec objectOf(TypeSpec type) {
        return type instanceof TypeSpec.Named named ? objectTypes.get(named.token().text()) : null;
    }

    private static <T> T require(T value, String kind, String token) {
        if (value == null) {
            throw new IllegalArgumentException("the schema has no " + kind + " " + token);
        }
        return value;
    }
}
