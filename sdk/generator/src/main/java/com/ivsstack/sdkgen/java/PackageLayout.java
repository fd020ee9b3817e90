package com.ivsstack.sdkgen.java;

import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.Token;
import java.util.Map;

/**
 * Where each schema token lives in Java, following Pulumi's Java generator: module {@code index} is
 * {@code <basePackage>.<name>}, any other module {@code <basePackage>.<name>.<module>} (or the segment that
 * {@code language.java.packages} gives it), with {@code inputs}, {@code outputs} and {@code enums} below.
 */
public final class PackageLayout {

    /** Pulumi's default when the schema names no base package. */
    public static final String DEFAULT_BASE_PACKAGE = "com.pulumi";

    private final String packageName;
    private final String rootPackage;
    private final Map<String, String> modulePackages;

    public PackageLayout(PackageSchema schema) {
        this.packageName = schema.name();
        String base = schema.javaBasePackage() == null ? DEFAULT_BASE_PACKAGE : schema.javaBasePackage();
        this.rootPackage = base + "." + schema.javaPackages().getOrDefault(schema.name(), segment(schema.name()));
        this.modulePackages = schema.javaPackages();
    }

    public String rootPackage() {
        return rootPackage;
    }

    /** The classpath folder of the package root, where {@code version.txt} and {@code plugin.json} go. */
    public String resourceFolder() {
        return rootPackage.replace('.', '/');
    }

    public String packageOf(String module) {
        if (module.equals("index")) {
            return rootPackage;
        }
        return rootPackage + "." + modulePackages.getOrDefault(module, segment(module));
    }

    public String packageOf(Token token) {
        return packageOf(token.module());
    }

    public JavaType resourceClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()));
    }

    public JavaType resourceArgsClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()) + "Args");
    }

    public JavaType resourceStateClass(Token token) {
        return JavaType.of(packageOf(token) + ".inputs", Names.capitalize(token.name()) + "State");
    }

    public JavaType inputTypeClass(Token token, boolean plain) {
        return JavaType.of(packageOf(token) + ".inputs", Names.capitalize(token.name()) + (plain ? "" : "Args"));
    }

    public JavaType outputTypeClass(Token token) {
        return JavaType.of(packageOf(token) + ".outputs", Names.capitalize(token.name()));
    }

    public JavaType enumClass(Token token) {
        return JavaType.of(packageOf(token) + ".enums", Names.capitalize(token.name()));
    }

    public JavaType functionArgsClass(Token token, boolean plain) {
        return JavaType.of(packageOf(token) + ".inputs", Names.capitalize(token.name()) + (plain ? "PlainArgs" : "Args"));
    }

    public JavaType functionResultClass(Token token) {
        return JavaType.of(packageOf(token) + ".outputs", Names.capitalize(token.name()) + "Result");
    }

    /** {@code IvsFunctions} for module index, {@code RealtimeFunctions} for module realtime. */
    public JavaType functionsClass(String module) {
        String prefix = module.equals("index") ? packageName : module;
        return JavaType.of(packageOf(module), Names.capitalize(segment(prefix)) + "Functions");
    }

    public JavaType utilitiesClass() {
        return JavaType.of(rootPackage, "Utilities");
    }

    public JavaType providerClass() {
        return JavaType.of(rootPackage, "Provider");
    }

    public JavaType providerArgsClass() {
        return JavaType.of(rootPackage, "ProviderArgs");
    }

    public JavaType configClass() {
        return JavaType.of(rootPackage, "Config");
    }

    private static String segment(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9_]", "");
    }
}
