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
import java.util.Set;

/**
 * {@code @CustomType} classes that the Pulumi runtime fills from provider outputs: nested output types and
 * function results. Optional lists and maps read as empty rather than absent, as in Pulumi's SDKs.
 */
public final class OutputTypeEmitter {

    private final GenContext ctx;

    public OutputTypeEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    public GeneratedFile emit(JavaType type, String description, ObjectShape shape) {
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls, "Builder"));
        String customType = imports.use("com.pulumi.core.annotations.CustomType");
        String nullable = imports.use("javax.annotation.Nullable");
        SourceWriter out = new SourceWriter();

        out.javadoc(description);
        out.line("@" + customType);
        out.open("public final class " + cls + " {");
        for (PropertySpec property : shape.properties()) {
            String valueType = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT).render(imports);
            out.javadoc(property.description(), ArgsEmitter.deprecation(property));
            out.line("private " + (shape.isRequired(property) ? "" : "@" + nullable + " ") + valueType + " "
                    + Names.identifier(property.name()) + ";");
        }
        out.line();
        out.line("private " + cls + "() {}");
        for (PropertySpec property : shape.properties()) {
            writeGetter(out, imports, shape, property);
        }
        out.line();
        out.open("public static Builder builder() {");
        out.line("return new Builder();");
        out.close("}");
        out.line();
        out.open("public static Builder builder(" + cls + " defaults) {");
        out.line("return new Builder(defaults);");
        out.close("}");
        writeBuilder(out, imports, cls, shape);
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    private void writeGetter(SourceWriter out, Imports imports, ObjectShape shape, PropertySpec property) {
        String field = Names.identifier(property.name());
        JavaType value = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT);
        String valueType = value.render(imports);
        out.javadoc(ArgsEmitter.returns(property.description()), ArgsEmitter.deprecation(property));
        if (shape.isRequired(property)) {
            out.open("public " + valueType + " " + field + "() {");
            out.line("return this." + field + ";");
        } else if (value.isList() || value.isMap()) {
            out.open("public " + valueType + " " + field + "() {");
            out.line("return this." + field + " == null ? " + value.raw().render(imports) + ".of() : this." + field + ";");
        } else {
            String optional = imports.use("java.util.Optional");
            out.open("public " + optional + "<" + valueType + "> " + field + "() {");
            out.line("return " + optional + ".ofNullable(this." + field + ");");
        }
        out.close("}");
    }

    private void writeBuilder(SourceWriter out, Imports imports, String cls, ObjectShape shape) {
        String customType = imports.use("com.pulumi.core.annotations.CustomType");
        String nullable = imports.use("javax.annotation.Nullable");
        out.line("@" + customType + ".Builder");
        out.open("public static final class Builder {");
        for (PropertySpec property : shape.properties()) {
            String valueType = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT).render(imports);
            out.line("private " + (shape.isRequired(property) ? "" : "@" + nullable + " ") + valueType + " "
                    + Names.identifier(property.name()) + ";");
        }
        out.line("public Builder() {}");
        out.open("public Builder(" + cls + " defaults) {");
        out.line(imports.use("java.util.Objects") + ".requireNonNull(defaults);");
        shape.properties().forEach(p -> out.line("this." + Names.identifier(p.name()) + " = defaults."
                + Names.identifier(p.name()) + ";"));
        out.close("}");
        for (PropertySpec property : shape.properties()) {
            String field = Names.identifier(property.name());
            boolean required = shape.isRequired(property);
            JavaType value = ctx.types().map(property.type(), TypeMapper.Usage.OUTPUT);
            out.line();
            // the runtime matches a setter to its property by name; a renamed identifier must say the schema name
            out.line("@" + customType + ".Setter"
                    + (field.equals(property.name()) ? "" : "(" + Names.literal(property.name()) + ")"));
            out.open("public Builder " + field + "(" + (required ? "" : "@" + nullable + " ") + value.render(imports)
                    + " " + field + ") {");
            if (required) {
                out.open("if (" + field + " == null) {");
                out.line("throw new " + imports.use("com.pulumi.exceptions.MissingRequiredPropertyException") + "("
                        + Names.literal(cls) + ", " + Names.literal(property.name()) + ");");
                out.close("}");
            }
            out.line("this." + field + " = " + field + ";");
            out.line("return this;");
            out.close("}");
            if (value.isList() && value.arguments().get(0).arguments().isEmpty()) {
                out.open("public Builder " + field + "(" + value.arguments().get(0).render(imports) + "... " + field + ") {");
                out.line("return " + field + "(" + imports.use("java.util.List") + ".of(" + field + "));");
                out.close("}");
            }
        }
        out.line();
        out.open("public " + cls + " build() {");
        out.line("final var _resultValue = new " + cls + "();");
        shape.properties().forEach(p -> out.line("_resultValue." + Names.identifier(p.name()) + " = "
                + Names.identifier(p.name()) + ";"));
        out.line("return _resultValue;");
        out.close("}");
        out.close("}");
    }
}
