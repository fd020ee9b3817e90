package com.ivsstack.sdkgen.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.EnumTypeSpec;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.SchemaException;
import com.ivsstack.pulumi.schema.TypeSpec;
import java.util.stream.Collectors;

/**
 * Expressions over Pulumi's {@code Codegen.PropertyBuilder}, which is how generated code applies schema
 * defaults ({@code default}, {@code defaultInfo.environment}) and reads package config.
 */
final class PropertyBuilders {

    private PropertyBuilders() {}

    /**
     * {@code $.x = <this>;} in an args builder's {@code build()}: the given value, else the environment, else
     * the default; {@code require()} fails with Pulumi's missing-property error when all are absent.
     */
    static String defaulted(GenContext ctx, String owner, PropertySpec property, String field, boolean output,
            boolean required, Imports imports) {
        StringBuilder chain = new StringBuilder(start(ctx, owner, property, imports, false));
        if (output) {
            chain.append(".output()");
        }
        chain.append(".arg($.").append(field).append(")");
        appendEnvironmentAndDefault(ctx, owner, property, chain, imports);
        return chain.append(required ? ".require()" : ".getNullable()").toString();
    }

    /** The value of a package config variable, as {@code Optional<T>}. */
    static String config(GenContext ctx, PropertySpec property, Imports imports) {
        StringBuilder chain = new StringBuilder(start(ctx, "config", property, imports, true));
        chain.append(".config(config)");
        appendEnvironmentAndDefault(ctx, "config", property, chain, imports);
        return chain.append(".get()").toString();
    }

    private static void appendEnvironmentAndDefault(GenContext ctx, String owner, PropertySpec property,
            StringBuilder chain, Imports imports) {
        if (!property.defaultEnvironment().isEmpty()) {
            chain.append(property.defaultEnvironment().stream().map(Names::literal)
                    .collect(Collectors.joining(", ", ".env(", ")")));
        }
        if (property.defaultValue() != null) {
            chain.append(".def(").append(literal(ctx, owner, property, imports)).append(")");
        }
    }

    private static String start(GenContext ctx, String owner, PropertySpec property, Imports imports,
            boolean anyType) {
        String codegen = imports.use("com.pulumi.core.internal.Codegen");
        String name = Names.literal(property.name());
        if (property.type() instanceof TypeSpec.Primitive p && p.kind() != TypeSpec.PrimitiveKind.ANY) {
            String kind = switch (p.kind()) {
                case STRING -> "stringProp";
                case INTEGER -> "integerProp";
                case NUMBER -> "doubleProp";
                default -> "booleanProp";
            };
            return codegen + "." + kind + "(" + name + ")";
        }
        JavaType type = ctx.types().map(property.type(), anyType ? TypeMapper.Usage.OUTPUT : TypeMapper.Usage.INPUT);
        if (enumOf(ctx, property) != null || (anyType && type.arguments().isEmpty())) {
            return codegen + ".objectProp(" + name + ", " + type.render(imports) + ".class)";
        }
        if (anyType) {
            return codegen + ".objectProp(" + name + ", " + typeShape(type, imports) + ")";
        }
        throw new SchemaException(owner + "." + property.name()
                + ": a default is only supported on string, integer, number, boolean and enum properties");
    }

    /** A {@code TypeShape} expression for a generic type, e.g. {@code Map<String,String>}. */
    private static String typeShape(JavaType type, Imports imports) {
        String shape = imports.use("com.pulumi.core.TypeShape");
        if (type.arguments().isEmpty()) {
            return shape + ".of(" + type.render(imports) + ".class)";
        }
        StringBuilder out = new StringBuilder(shape + ".<" + type.render(imports) + ">builder("
                + type.raw().render(imports) + ".class)");
        for (JavaType argument : type.arguments()) {
            out.append(argument.arguments().isEmpty()
                    ? ".addParameter(" + argument.render(imports) + ".class)"
                    : ".addParameter(" + typeShape(argument, imports) + ")");
        }
        return out.append(".build()").toString();
    }

    private static EnumTypeSpec enumOf(GenContext ctx, PropertySpec property) {
        return property.type() instanceof TypeSpec.Named n ? ctx.schema().enumTypes().get(n.token().text()) : null;
    }

    private static String literal(GenContext ctx, String owner, PropertySpec property, Imports imports) {
        JsonNode value = property.defaultValue();
        EnumTypeSpec enumType = enumOf(ctx, property);
        if (enumType != null) {
            for (EnumTypeSpec.Value candidate : enumType.values()) {
                if (candidate.value().equals(value)) {
                    return ctx.layout().enumClass(enumType.token()).render(imports) + "." + EnumEmitter.caseName(candidate);
                }
            }
            throw new SchemaException(owner + "." + property.name() + ": default " + value
                    + " is not a value of enum " + enumType.token());
        }
        TypeSpec.PrimitiveKind kind = ((TypeSpec.Primitive) property.type()).kind();
        boolean fits = switch (kind) {
            case STRING -> value.isTextual();
            case INTEGER -> value.canConvertToInt() && value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case ANY -> false;
        };
        if (!fits) {
            throw new SchemaException(owner + "." + property.name() + ": default " + value
                    + " is not a " + kind.name().toLowerCase());
        }
        return switch (kind) {
            case STRING -> Names.literal(value.asText());
            case INTEGER -> Integer.toString(value.asInt());
            case NUMBER -> Double.toString(value.asDouble());
            default -> Boolean.toString(value.asBoolean());
        };
    }
}
