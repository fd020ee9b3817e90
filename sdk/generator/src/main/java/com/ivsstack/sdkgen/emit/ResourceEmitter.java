package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaFile;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.ResourceSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The resource classes ({@code @ResourceType}, {@code @Export} outputs, constructors, {@code get}) and the Provider. */
public final class ResourceEmitter {

    /** Outputs that {@code CustomResource} already has; the schema's copies are not repeated. */
    private static final Set<String> BUILT_IN_OUTPUTS = Set.of("id", "urn");

    private static final String CUSTOM_RESOURCE_OPTIONS = "com.pulumi.resources.CustomResourceOptions";

    private final GenContext ctx;

    public ResourceEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    /** The outputs a resource class exports, in order. */
    public static List<PropertySpec> exportedOutputs(ResourceSpec resource) {
        return resource.outputs().properties().stream()
                .filter(p -> !BUILT_IN_OUTPUTS.contains(p.name())).collect(Collectors.toList());
    }

    public GeneratedFile emitResource(ResourceSpec resource) {
        JavaType type = ctx.layout().resourceClass(resource.token());
        JavaType args = ctx.layout().resourceArgsClass(resource.token());
        JavaType state = ctx.layout().resourceStateClass(resource.token());
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls));
        String output = imports.use("com.pulumi.core.Output");
        String nullable = imports.use("javax.annotation.Nullable");
        String codegen = imports.use("com.pulumi.core.internal.Codegen");
        String token = Names.literal(resource.token().text());
        boolean argsRequired = resource.inputs().properties().stream()
                .anyMatch(p -> resource.inputs().isRequired(p) && !p.hasDefault());
        String argsParam = (argsRequired ? "" : "@" + nullable + " ") + args.render(imports) + " args";
        SourceWriter out = new SourceWriter();

        out.javadoc(resource.description(), resource.deprecationMessage() == null ? null
                : "@deprecated " + resource.deprecationMessage());
        out.line("@" + imports.use("com.pulumi.core.annotations.ResourceType") + "(type=" + token + ")");
        out.open("public class " + cls + " extends com.pulumi.resources.CustomResource {");
        for (PropertySpec property : exportedOutputs(resource)) {
            writeOutput(out, imports, resource, property);
        }
        out.line();
        writeConstructors(out, cls, args.render(imports), argsParam, token, codegen + ".empty()");
        out.line();
        out.open("private " + cls + "(java.lang.String name, " + output + "<java.lang.String> id, @" + nullable + " "
                + state.render(imports) + " state, @" + nullable + " " + CUSTOM_RESOURCE_OPTIONS + " options) {");
        out.line("super(" + token + ", name, state, makeResourceOptions(options, id), false);");
        out.close("}");
        out.line();
        writeMakeArgs(out, args.render(imports), argsParam, nullable);
        out.line();
        writeMakeResourceOptions(out, imports, secretOutputs(resource));
        out.line();
        out.javadoc("Gets an existing " + cls + " by its provider ID (for IVS, its ARN), reading its current state.",
                "@param name The _unique_ name of the resulting resource.\n"
                        + "@param id The _unique_ provider ID of the resource to look up.\n"
                        + "@param state Extra properties that qualify the lookup, or null.\n"
                        + "@param options Optional settings to control the behavior of the CustomResource.\n"
                        + "@return the resource, whose outputs resolve to the state that was read");
        out.open("public static " + cls + " get(java.lang.String name, " + output + "<java.lang.String> id, @" + nullable
                + " " + state.render(imports) + " state, @" + nullable + " " + CUSTOM_RESOURCE_OPTIONS + " options) {");
        out.line("return new " + cls + "(name, id, state, options);");
        out.close("}");
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    public GeneratedFile emitProvider() {
        ResourceSpec provider = ctx.schema().provider();
        JavaType type = ctx.layout().providerClass();
        JavaType args = ctx.layout().providerArgsClass();
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls));
        String nullable = imports.use("javax.annotation.Nullable");
        String codegen = imports.use("com.pulumi.core.internal.Codegen");
        String argsParam = "@" + nullable + " " + args.render(imports) + " args";
        SourceWriter out = new SourceWriter();

        out.javadoc(provider.description() != null ? provider.description()
                : "The provider type for the " + ctx.schema().name() + " package. Resources use the default provider,"
                + " configured from stack config; pass an explicit Provider in their options for other settings.");
        out.line("@" + imports.use("com.pulumi.core.annotations.ResourceType") + "(type="
                + Names.literal(provider.token().text()) + ")");
        out.open("public class " + cls + " extends com.pulumi.resources.ProviderResource {");
        for (PropertySpec property : exportedOutputs(provider)) {
            writeOutput(out, imports, provider, property);
        }
        out.line();
        writeConstructors(out, cls, args.render(imports), argsParam, Names.literal(ctx.schema().name()),
                codegen + ".empty()");
        out.line();
        writeMakeArgs(out, args.render(imports), argsParam, nullable);
        out.line();
        writeMakeResourceOptions(out, imports, secretOutputs(provider));
        out.line();
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    private void writeOutput(SourceWriter out, Imports imports, ResourceSpec resource, PropertySpec property) {
        String field = Names.identifier(property.name());
        JavaType value = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT);
        String output = imports.use("com.pulumi.core.Output");
        String refs = value.exportRefs().stream().map(r -> imports.use(r) + ".class").collect(Collectors.joining(","));
        boolean required = resource.outputs().isRequired(property);
        out.javadoc(property.description(), ArgsEmitter.deprecation(property));
        out.line("@" + imports.use("com.pulumi.core.annotations.Export") + "(name=" + Names.literal(property.name())
                + ", refs={" + refs + "}, tree=" + Names.literal(value.exportTree()) + ")");
        String rendered = value.render(imports);
        out.line("private " + output + "<" + (required ? "" : "/* @Nullable */ ") + rendered + "> " + field + ";");
        out.line();
        out.javadoc(ArgsEmitter.returns(property.description()), ArgsEmitter.deprecation(property));
        if (required) {
            out.open("public " + output + "<" + rendered + "> " + field + "() {");
            out.line("return this." + field + ";");
        } else {
            out.open("public " + output + "<" + imports.use("java.util.Optional") + "<" + rendered + ">> " + field + "() {");
            out.line("return " + imports.use("com.pulumi.core.internal.Codegen") + ".optional(this." + field + ");");
        }
        out.close("}");
    }

    private static void writeConstructors(SourceWriter out, String cls, String args, String argsParam, String type,
            String noId) {
        out.javadoc("@param name The _unique_ name of the resulting resource.");
        out.open("public " + cls + "(java.lang.String name) {");
        out.line("this(name, " + args + ".Empty);");
        out.close("}");
        out.javadoc("@param name The _unique_ name of the resulting resource.\n"
                + "@param args The arguments to use to populate this resource's properties.");
        out.open("public " + cls + "(java.lang.String name, " + argsParam + ") {");
        out.line("this(name, args, null);");
        out.close("}");
        out.javadoc("@param name The _unique_ name of the resulting resource.\n"
                + "@param args The arguments to use to populate this resource's properties.\n"
                + "@param options A bag of options that control this resource's behavior.");
        out.open("public " + cls + "(java.lang.String name, " + argsParam + ", @javax.annotation.Nullable "
                + CUSTOM_RESOURCE_OPTIONS + " options) {");
        out.line("super(" + type + ", name, makeArgs(args, options), makeResourceOptions(options, " + noId + "), false);");
        out.close("}");
    }

    private static void writeMakeArgs(SourceWriter out, String args, String argsParam, String nullable) {
        out.open("private static " + args + " makeArgs(" + argsParam + ", @" + nullable + " " + CUSTOM_RESOURCE_OPTIONS
                + " options) {");
        // a resource adopted by URN takes its inputs from the engine, not from args
        out.open("if (options != null && options.getUrn().isPresent()) {");
        out.line("return null;");
        out.close("}");
        out.line("return args == null ? " + args + ".Empty : args;");
        out.close("}");
    }

    private void writeMakeResourceOptions(SourceWriter out, Imports imports, List<String> secretOutputs) {
        String nullable = imports.use("javax.annotation.Nullable");
        String output = imports.use("com.pulumi.core.Output");
        out.open("private static " + CUSTOM_RESOURCE_OPTIONS + " makeResourceOptions(@" + nullable + " "
                + CUSTOM_RESOURCE_OPTIONS + " options, @" + nullable + " " + output + "<java.lang.String> id) {");
        out.line("var defaultOptions = " + CUSTOM_RESOURCE_OPTIONS + ".builder()");
        out.line("    .version(" + ctx.layout().utilitiesClass().render(imports) + ".getVersion())");
        if (ctx.schema().pluginDownloadUrl() != null) {
            out.line("    .pluginDownloadURL(" + Names.literal(ctx.schema().pluginDownloadUrl()) + ")");
        }
        if (!secretOutputs.isEmpty()) {
            out.line("    .additionalSecretOutputs(" + imports.use("java.util.List") + ".of(");
            for (int i = 0; i < secretOutputs.size(); i++) {
                out.line("        " + Names.literal(secretOutputs.get(i)) + (i + 1 < secretOutputs.size() ? "," : ""));
            }
            out.line("    ))");
        }
        out.line("    .build();");
        out.line("return " + CUSTOM_RESOURCE_OPTIONS + ".merge(defaultOptions, options, id);");
        out.close("}");
    }

    /** Top-level outputs the schema marks secret: the engine must store and show them only encrypted. */
    public static List<String> secretOutputs(ResourceSpec resource) {
        return resource.outputs().properties().stream().filter(PropertySpec::secret).map(PropertySpec::name)
                .collect(Collectors.toList());
    }
}
