package com.ivsstack.sdkgen.java;

import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.TypeSpec;

/** Schema types to Java types, in the three places a type can appear. */
public final class TypeMapper {

    /** Where a type is used: Pulumi's generator names object types differently in each. */
    public enum Usage {
        /** Resource args, state and Output-taking function args: object types are {@code XArgs}. */
        INPUT,
        /** Plain function args: object types are plain input classes {@code X} in {@code inputs}. */
        PLAIN_INPUT,
        /** Resource outputs, output types and function results: object types are {@code X} in {@code outputs}. */
        OUTPUT
    }

    private final PackageSchema schema;
    private final PackageLayout layout;

    public TypeMapper(PackageSchema schema, PackageLayout layout) {
        this.schema = schema;
        this.layout = layout;
    }

    public JavaType map(TypeSpec type, Usage usage) {
        if (type instanceof TypeSpec.Primitive p) {
            return primitive(p.kind());
        }
        if (type instanceof TypeSpec.ArrayOf a) {
            return JavaType.list(map(a.items(), usage));
        }
        if (type instanceof TypeSpec.MapOf m) {
            return JavaType.map(map(m.values(), usage));
        }
        TypeSpec.Named named = (TypeSpec.Named) type;
        if (schema.enumTypes().containsKey(named.token().text())) {
            return layout.enumClass(named.token());
        }
        return switch (usage) {
            case INPUT -> layout.inputTypeClass(named.token(), false);
            case PLAIN_INPUT -> layout.inputTypeClass(named.token(), true);
            case OUTPUT -> layout.outputTypeClass(named.token());
        };
    }

    public static JavaType primitive(TypeSpec.PrimitiveKind kind) {
        return switch (kind) {
            case STRING -> JavaType.STRING;
            case INTEGER -> JavaType.INTEGER;
            case NUMBER -> JavaType.DOUBLE;
            case BOOLEAN -> JavaType.BOOLEAN;
            case ANY -> JavaType.OBJECT;
        };
    }
}
