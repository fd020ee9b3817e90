package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaFile;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.EnumTypeSpec;
import java.util.List;
import java.util.Set;

/** Java enums with {@code @EnumType}; the {@code @EnumType.Converter} getter gives the wire value. */
public final class EnumEmitter {

    private final GenContext ctx;

    public EnumEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    /** The Java case name: the schema's {@code name}, else one made from the value ({@code LOW} is {@code Low}). */
    public static String caseName(EnumTypeSpec.Value value) {
        return Names.enumCase(value.name() != null ? value.name() : value.value().asText());
    }

    public GeneratedFile emit(EnumTypeSpec spec) {
        JavaType type = ctx.layout().enumClass(spec.token());
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls));
        String enumType = imports.use("com.pulumi.core.annotations.EnumType");
        String valueType = TypeMapper.primitive(spec.underlying()).render(imports);
        SourceWriter out = new SourceWriter();

        out.javadoc(spec.description());
        out.line("@" + enumType);
        out.open("public enum " + cls + " {");
        List<EnumTypeSpec.Value> values = spec.values();
        for (int i = 0; i < values.size(); i++) {
            EnumTypeSpec.Value value = values.get(i);
            out.javadoc(value.description(), value.deprecationMessage() == null ? null
                    : "@deprecated " + value.deprecationMessage());
            out.line(caseName(value) + "(" + literal(spec, value) + ")" + (i + 1 < values.size() ? "," : ";"));
        }
        out.line();
        out.line("private final " + valueType + " value;");
        out.line();
        out.open(cls + "(" + valueType + " value) {");
        out.line("this.value = " + imports.use("java.util.Objects") + ".requireNonNull(value);");
        out.close("}");
        out.line();
        out.javadoc("@return the value IVS and the provider use on the wire");
        out.line("@" + enumType + ".Converter");
        out.open("public " + valueType + " getValue() {");
        out.line("return this.value;");
        out.close("}");
        out.line();
        out.line("@Override");
        out.open("public java.lang.String toString() {");
        out.line("return new " + imports.use("java.util.StringJoiner") + "(\", \", " + Names.literal(cls + "[")
                + ", \"]\")");
        out.line("    .add(\"value='\" + this.value + \"'\")");
        out.line("    .toString();");
        out.close("}");
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }

    private static String literal(EnumTypeSpec spec, EnumTypeSpec.Value value) {
        return switch (spec.underlying()) {
            case STRING -> Names.literal(value.value().asText());
            case INTEGER -> Integer.toString(value.value().asInt());
            case NUMBER -> Double.toString(value.value().asDouble());
            default -> Boolean.toString(value.value().asBoolean());
        };
    }
}
