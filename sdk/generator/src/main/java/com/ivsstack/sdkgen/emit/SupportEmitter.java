package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaFile;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.PropertySpec;
import java.util.List;
import java.util.Set;

/**
 * The package-wide pieces: {@code Config}, {@code Utilities} and the classpath resources {@code version.txt}
 * and {@code plugin.json} by which the Pulumi language host finds the plugin the SDK needs.
 */
public final class SupportEmitter {

    private final GenContext ctx;

    public SupportEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    public GeneratedFile emitConfig() {
        JavaType type = ctx.layout().configClass();
        Imports imports = new Imports(type.packageName(), Set.of(type.simpleName()));
        String optional = imports.use("java.util.Optional");
        SourceWriter out = new SourceWriter();
        out.javadoc("The stack configuration of the " + ctx.schema().name() + " package (keys "
                + ctx.schema().name() + ":<name>), as the default provider reads it.");
        out.open("public final class " + type.simpleName() + " {");
        out.line();
        out.line("// Config.of reads the running deployment's config; it is how a static accessor class reaches it");
        out.line("@SuppressWarnings(\"deprecation\")");
        out.line("private static final com.pulumi.Config config = com.pulumi.Config.of("
                + Names.literal(ctx.schema().name()) + ");");
        for (PropertySpec property : ctx.schema().config().properties()) {
            String value = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT).render(imports);
            out.line();
            out.javadoc(property.description(), ArgsEmitter.deprecation(property),
                    "@return the value of " + ctx.schema().name() + ":" + property.name() + ", if set");
            out.open("public " + optional + "<" + value + "> " + Names.identifier(property.name()) + "() {");
            out.line("return " + PropertyBuilders.config(ctx, property, imports) + ";");
            out.close("}");
        }
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    public GeneratedFile emitUtilities() {
        JavaType type = ctx.layout().utilitiesClass();
        Imports imports = new Imports(type.packageName(), Set.of(type.simpleName()));
        String optional = imports.use("java.util.Optional");
        String environment = imports.use("com.pulumi.core.internal.Environment");
        String nullable = imports.use("javax.annotation.Nullable");
        String invokeOptions = imports.use("com.pulumi.deployment.InvokeOptions");
        String invokeOutputOptions = imports.use("com.pulumi.deployment.InvokeOutputOptions");
        SourceWriter out = new SourceWriter();
        out.javadoc("Helpers the generated classes share: environment lookups, and the SDK version that every"
                + " resource and invoke asks the engine for (so that it loads the matching plugin).");
        out.open("public class " + type.simpleName() + " {");
        for (String[] variant : List.of(new String[] {"", "java.lang.String", "getEnvironmentVariable"},
                new String[] {"Boolean", "java.lang.Boolean", "getBooleanEnvironmentVariable"},
                new String[] {"Integer", "java.lang.Integer", "getIntegerEnvironmentVariable"},
                new String[] {"Double", "java.lang.Double", "getDoubleEnvironmentVariable"})) {
            out.line();
            out.javadoc("@param names environment variables, in order of preference\n"
                    + "@return the value of the first one that is set and parses");
            out.open("public static " + optional + "<" + variant[1] + "> getEnv" + variant[0] + "(java.lang.String... names) {");
            out.open("for (var name : names) {");
            out.line("var value = " + environment + "." + variant[2] + "(name);");
            out.open("if (value.isValue()) {");
            out.line("return " + optional + ".of(value.value());");
            out.close("}");
            out.close("}");
            out.line("return " + optional + ".empty();");
            out.close("}");
        }
        out.line();
        out.javadoc("@param options the caller's options, or null\n@return the options, asking for this SDK's version");
        out.open("public static " + invokeOptions + " withVersion(@" + nullable + " " + invokeOptions + " options) {");
        out.open("if (options != null && options.getVersion().isPresent()) {");
        out.line("return options;");
        out.close("}");
        out.line("return new " + invokeOptions + "(");
        out.line("    options == null ? null : options.getParent().orElse(null),");
        out.line("    options == null ? null : options.getProvider().orElse(null),");
        out.line("    getVersion()");
        out.line(");");
        out.close("}");
        out.line();
        out.javadoc("@param options the caller's options, or null\n@return the options, asking for this SDK's version");
        out.open("public static " + invokeOutputOptions + " withVersion(@" + nullable + " " + invokeOutputOptions
                + " options) {");
        out.open("if (options != null && options.getVersion().isPresent()) {");
        out.line("return options;");
        out.close("}");
        out.line("return new " + invokeOutputOptions + "(");
        out.line("    options == null ? null : options.getParent().orElse(null),");
        out.line("    options == null ? null : options.getProvider().orElse(null),");
        out.line("    getVersion(),");
        out.line("    options == null ? null : options.getDependsOn()");
        out.line(");");
        out.close("}");
        out.line();
        out.line("private static final java.lang.String version;");
        out.line();
        out.javadoc("@return the SDK version, from the classpath resource " + versionResource());
        out.open("public static java.lang.String getVersion() {");
        out.line("return version;");
        out.close("}");
        out.line();
        out.open("static {");
        out.line("var resourceName = " + Names.literal(versionResource()) + ";");
        out.open("try (var versionFile = " + type.simpleName() + ".class.getClassLoader().getResourceAsStream(resourceName)) {");
        out.open("if (versionFile == null) {");
        out.line("throw new IllegalStateException(");
        out.line("    java.lang.String.format(\"expected resource '%s' on Classpath, not found\", resourceName));");
        out.close("}");
        out.line("version = new java.lang.String(versionFile.readAllBytes(), "
                + imports.use("java.nio.charset.StandardCharsets") + ".UTF_8).trim();");
        out.middle("} catch (" + imports.use("java.io.IOException") + " e) {");
        out.line("throw new " + imports.use("java.io.UncheckedIOException") + "(\"reading \" + resourceName, e);");
        out.close("}");
        out.close("}");
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    public List<GeneratedFile> emitPackageResources() {
        String folder = "src/main/resources/" + ctx.layout().resourceFolder() + "/";
        String version = ctx.schema().version() == null ? "0.0.0" : ctx.schema().version();
        StringBuilder plugin = new StringBuilder("{\"resource\":true,\"name\":").append(Names.literal(ctx.schema().name()))
                .append(",\"version\":").append(Names.literal(version));
        if (ctx.schema().pluginDownloadUrl() != null) {
            plugin.append(",\"server\":").append(Names.literal(ctx.schema().pluginDownloadUrl()));
        }
        plugin.append("}\n");
        return List.of(new GeneratedFile(folder + "version.txt", version + "\n"),
                new GeneratedFile(folder + "plugin.json", plugin.toString()));
    }

    private String versionResource() {
        return ctx.layout().resourceFolder() + "/version.txt";
    }
}
