package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaFile;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.TypeSpec;
import java.util.Set;

/**
 * Input classes with a {@code $}-holding builder: resource {@code XArgs}, {@code XState}, nested input types,
 * function args (Output and plain) and {@code ProviderArgs}.
 */
public final class ArgsEmitter {

    /** Which flavour of input class to write. */
    public enum Kind {
        /** Resource args and nested input types: Output fields, defaults and required checks. */
        RESOURCE_ARGS("com.pulumi.resources.ResourceArgs", false, true),
        /** Provider args: as resource args, non-string values sent as JSON. */
        PROVIDER_ARGS("com.pulumi.resources.ResourceArgs", false, true),
        /** Resource state for {@code get}: Output fields, all optional, no defaults. */
        STATE("com.pulumi.resources.ResourceArgs", false, false),
        /** Function args taking Outputs. */
        INVOKE_ARGS("com.pulumi.resources.InvokeArgs", false, true),
        /** Function args and nested input types with plain values, for the {@code ...Plain} variants. */
        PLAIN_INVOKE_ARGS("com.pulumi.resources.InvokeArgs", true, true);

        final String baseClass;
        final boolean plain;
        final boolean checksInputs;

        Kind(String baseClass, boolean plain, boolean checksInputs) {
            this.baseClass = baseClass;
            this.plain = plain;
            this.checksInputs = checksInputs;
        }
    }

    private final GenContext ctx;

    public ArgsEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    public GeneratedFile emit(JavaType type, Kind kind, String description, ObjectShape shape) {
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls, "Builder"));
        String nullable = imports.use("javax.annotation.Nullable");
        TypeMapper.Usage usage = kind.plain ? TypeMapper.Usage.PLAIN_INPUT : TypeMapper.Usage.INPUT;
        SourceWriter out = new SourceWriter();

        out.javadoc(description);
        out.open("public final class " + cls + " extends " + kind.baseClass + " {");
        out.line();
        out.line("public static final " + cls + " Empty = new " + cls + "();");
        out.line();
        for (PropertySpec property : shape.properties()) {
            String field = Names.identifier(property.name());
            boolean required = kind != Kind.STATE && shape.isRequired(property);
            String valueType = ctx.types().map(property.type(), usage).render(imports);
            String fieldType = kind.plain ? valueType : imports.use("com.pulumi.core.Output") + "<" + valueType + ">";
            String annotation = "@" + imports.use("com.pulumi.core.annotations.Import") + "(name=" + Names.literal(property.name())
                    + (required ? ", required=true" : "")
                    + (kind == Kind.PROVIDER_ARGS && !isString(property) ? ", json=true" : "") + ")";
            out.javadoc(property.description(), deprecation(property));
            out.line(annotation);
            out.line("private " + (required ? "" : "@" + nullable + " ") + fieldType + " " + field + ";");
            out.line();
            out.javadoc(returns(property.description()), deprecation(property));
            if (required) {
                out.open("public " + fieldType + " " + field + "() {");
                out.line("return this." + field + ";");
            } else {
                String optional = imports.use("java.util.Optional");
                out.open("public " + optional + "<" + fieldType + "> " + field + "() {");
                out.line("return " + optional + ".ofNullable(this." + field + ");");
            }
            out.close("}");
            out.line();
        }
        out.line("private " + cls + "() {}");
        out.line();
        out.open("private " + cls + "(" + cls + " $) {");
        shape.properties().forEach(p -> out.line("this." + Names.identifier(p.name()) + " = $." + Names.identifier(p.name()) + ";"));
        out.close("}");
        out.line();
        out.open("public static Builder builder() {");
        out.line("return new Builder();");
        out.close("}");
        out.open("public static Builder builder(" + cls + " defaults) {");
        out.line("return new Builder(defaults);");
        out.close("}");
        out.line();
        writeBuilder(out, imports, cls, kind, usage, shape);
        out.line();
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    private void writeBuilder(SourceWriter out, Imports imports, String cls, Kind kind, TypeMapper.Usage usage,
            ObjectShape shape) {
        String nullable = imports.use("javax.annotation.Nullable");
        out.open("public static final class Builder {");
        out.line("private " + cls + " $;");
        out.line();
        out.open("public Builder() {");
        out.line("$ = new " + cls + "();");
        out.close("}");
        out.line();
        out.open("public Builder(" + cls + " defaults) {");
        out.line("$ = new " + cls + "(" + imports.use("java.util.Objects") + ".requireNonNull(defaults));");
        out.close("}");
        for (PropertySpec property : shape.properties()) {
            String field = Names.identifier(property.name());
            boolean required = kind != Kind.STATE && shape.isRequired(property);
            JavaType value = ctx.types().map(property.type(), usage);
            String valueType = value.render(imports);
            String param = (required ? "" : "@" + nullable + " ");
            String doc = paramDoc(field, property.description());
            out.line();
            if (kind.plain) {
                out.javadoc(doc, "@return builder", deprecation(property));
                out.open("public Builder " + field + "(" + param + valueType + " " + field + ") {");
                out.line("$." + field + " = " + field + ";");
                out.line("return this;");
                out.close("}");
            } else {
                String output = imports.use("com.pulumi.core.Output");
                out.javadoc(doc, "@return builder", deprecation(property));
                out.open("public Builder " + field + "(" + param + output + "<" + valueType + "> " + field + ") {");
                out.line("$." + field + " = " + field + ";");
                out.line("return this;");
                out.close("}");
                out.line();
                out.javadoc(doc, "@return builder", deprecation(property));
                out.open("public Builder " + field + "(" + valueType + " " + field + ") {");
                out.line("return " + field + "(" + output + ".of(" + field + "));");
                out.close("}");
            }
            if (value.isList() && value.arguments().get(0).arguments().isEmpty()) {
                out.line();
                out.javadoc(doc, "@return builder", deprecation(property));
                out.open("public Builder " + field + "(" + value.arguments().get(0).render(imports) + "... " + field + ") {");
                out.line("return " + field + "(" + imports.use("java.util.List") + ".of(" + field + "));");
                out.close("}");
            }
        }
        out.line();
        out.open("public " + cls + " build() {");
        if (kind.checksInputs) {
            for (PropertySpec property : shape.properties()) {
                String field = Names.identifier(property.name());
                boolean required = shape.isRequired(property);
                if (property.hasDefault()) {
                    out.line("$." + field + " = " + PropertyBuilders.defaulted(ctx, cls, property, field, !kind.plain,
                            required, imports) + ";");
                } else if (required) {
                    out.open("if ($." + field + " == null) {");
                    out.line("throw new " + imports.use("com.pulumi.exceptions.MissingRequiredPropertyException")
                            + "(" + Names.literal(cls) + ", " + Names.literal(property.name()) + ");");
                    out.close("}");
                }
            }
        }
        out.line("return $;");
        out.close("}");
        out.close("}");
    }

    private static boolean isString(PropertySpec property) {
        return property.type() instanceof TypeSpec.Primitive p && p.kind() == TypeSpec.PrimitiveKind.STRING;
    }

    static String returns(String description) {
        return description == null ? null : "@return " + description;
    }

    static String deprecation(PropertySpec property) {
        return property.deprecationMessage() == null ? null : "@deprecated " + property.deprecationMessage();
    }

    private static String paramDoc(String field, String description) {
        return "@param " + field + " " + (description == null ? "the value of " + field : description);
    }
}
