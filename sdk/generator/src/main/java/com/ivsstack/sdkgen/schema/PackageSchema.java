package com.ivsstack.sdkgen.schema;

import java.util.Map;

/**
 * The parts of a Pulumi package schema that the Java SDK is made from. Every map is sorted by token so
 * that generating twice gives byte-identical files.
 *
 * @param javaBasePackage {@code language.java.basePackage}, or null for Pulumi's default
 * @param javaPackages {@code language.java.packages}: module to Java package segment
 * @param provider the {@code provider} block as a resource with token {@code pulumi:providers:<name>}
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
        Map<String, FunctionSpec> functions) {
}
