package com.ivsstack.sdkgen.provider;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.pulumi.schema.FunctionSpec;
import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.ObjectTypeSpec;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.ResourceSpec;
import com.ivsstack.pulumi.schema.SchemaException;
import com.ivsstack.pulumi.schema.Token;
import com.ivsstack.pulumi.schema.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The provider's typed models, generated from schema.json at the provider's build (into its generated sources): for
 * each resource its inputs and outputs ({@code ChannelInputs}, {@code ChannelOutputs}), for each object type a view of
 * its own ({@code ChannelSrt}), for each function its arguments and result ({@code GetChannelArgs},
 * {@code GetChannelResult}), and the indexes {@code ResourceModels} and {@code FunctionModels}. Each is a typed view
 * over a property map ({@code com.ivsstack.provider.model.PropertyMap}) with a constant per property name, a getter
 * per property and, for what the provider returns, a builder. Module {@code index} lives in
 * {@value #BASE_PACKAGE}, any other module in a package below it.
 */
public final class ProviderModelEmitter {

    public static final String BASE_PACKAGE = "com.ivsstack.provider.model";

    private static final JavaType PROPERTY_MAP = JavaType.of(BASE_PACKAGE, "PropertyMap");
    private static final JavaType MAP_OF_VALUES = JavaType.map(JavaType.OBJECT);
    /** What the base class and the generated class itself already name: no property may take these names. */
    private static final Set<String> TAKEN_METHODS = Set.of("asMap", "get", "has", "toString", "string", "bool",
            "integer", "number", "stringList", "list", "stringMap", "map", "object", "objects", "select", "builder",
            "from", "toBuilder", "hashCode", "equals", "getClass");
    private static final Set<String> TAKEN_CONSTANTS = Set.of("TOKEN", "PROPERTIES");

    private final PackageSchema schema;

    public ProviderModelEmitter(PackageSchema schema) {
        this.schema = schema;
    }

    /** Every model file, by path under the generated-sources root, sorted. */
    public List<GeneratedFile> emit() {
        List<GeneratedFile> files = new ArrayList<>();
        for (ResourceSpec resource : schema.resources().values()) {
            files.add(view(inputsClass(resource.token()), resource.token(), "The inputs of " + resource.token() + ".",
                    resource.inputs(), Kind.READ_ONLY));
            files.add(view(outputsClass(resource.token()), resource.token(), "The outputs of " + resource.token() + ".",
                    resource.outputs(), Kind.BUILT));
        }
        for (ObjectTypeSpec type : schema.objectTypes().values()) {
            files.add(view(typeClass(type.token()), null, type.description(), type.shape(), Kind.BUILT));
        }
        for (FunctionSpec function : schema.functions().values()) {
            files.add(view(argumentsClass(function.token()), function.token(), "The arguments of " + function.token() + ".",
                    function.inputs() == null ? ObjectShape.EMPTY : function.inputs(), Kind.READ_ONLY));
            files.add(view(resultClass(function.token()), function.token(), "The result of " + function.token() + ".",
                    function.outputs(), Kind.BUILT));
        }
        files.add(resourceIndex());
        files.add(functionIndex());
        return GeneratedFile.sortedByPath(files);
    }

    /** What a view offers beyond its getters. */
    private enum Kind {
        /** What the provider is given: getters only. */
        READ_ONLY,
        /** What the provider returns: a builder too, or the values another model already has ({@code from}). */
        BUILT
    }

    // ---- names ----------------------------------------------------------------------------------------------------

    private static String packageOf(Token token) {
        return token.isIndexModule() ? BASE_PACKAGE : BASE_PACKAGE + "." + token.module().toLowerCase().replaceAll("[^a-z0-9_]", "");
    }

    static JavaType inputsClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()) + "Inputs");
    }

    static JavaType outputsClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()) + "Outputs");
    }

    static JavaType typeClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()));
    }

    static JavaType argumentsClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()) + "Args");
    }

    static JavaType resultClass(Token token) {
        return JavaType.of(packageOf(token), Names.capitalize(token.name()) + "Result");
    }

    /** {@code recordingConfigurationArn} becomes {@code RECORDING_CONFIGURATION_ARN}. */
    static String constant(String name) {
        return Names.identifier(name).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }

    // ---- one view -------------------------------------------------------------------------------------------------

    private GeneratedFile view(JavaType type, Token token, String description, ObjectShape shape, Kind kind) {
        var properties = shape.properties();
        checkNames(type, properties);
        var imports = new Imports(type.packageName(), Set.of(type.simpleName(), "Builder"));
        imports.use(PROPERTY_MAP);
        var out = new SourceWriter();
        out.javadoc(description);
        out.open("public final class " + type.simpleName() + " extends PropertyMap {");
        out.line();
        if (token != null) {
            out.javadoc("The schema token.");
            out.line("public static final String TOKEN = " + Names.literal(token.text()) + ";");
        }
        for (PropertySpec property : properties) {
            out.line("public static final String " + constant(property.name()) + " = " + Names.literal(property.name()) + ";");
        }
        out.javadoc("The name of every property.");
        out.line("public static final " + imports.use("java.util.Set") + "<String> PROPERTIES = Set.of("
                + String.join(", ", properties.stream().map(p -> constant(p.name())).toList()) + ");");
        out.line();
        out.open("public " + type.simpleName() + "(" + MAP_OF_VALUES.render(imports) + " values) {");
        out.line("super(values);");
        out.close("}");
        for (PropertySpec property : properties) {
            out.line();
            out.javadoc(property.description());
            out.open("public " + getterType(property.type()).render(imports) + " " + Names.identifier(property.name()) + "() {");
            out.line("return " + read(property, imports) + ";");
            out.close("}");
        }
        if (kind == Kind.BUILT) {
            out.line();
            out.javadoc("The values of {@code source} that this model has: one model made of another's values.");
            out.open("public static " + type.simpleName() + " from(PropertyMap source) {");
            out.line("return new " + type.simpleName() + "(select(source, PROPERTIES));");
            out.close("}");
            builder(out, type, properties, imports);
        }
        out.close("}");
        String text = HEADER + "\npackage " + type.packageName() + ";\n\n" + imports.render() + "\n" + out;
        return new GeneratedFile(type.qualifiedName().replace('.', '/') + ".java", text);
    }

    private void builder(SourceWriter out, JavaType type, List<PropertySpec> properties, Imports imports) {
        out.line();
        out.open("public static Builder builder() {");
        out.line("return new Builder();");
        out.close("}");
        out.line();
        out.javadoc("A builder that starts from these values.");
        out.open("public Builder toBuilder() {");
        out.line("return new Builder(asMap());");
        out.close("}");
        out.line();
        out.javadoc("Builds a " + type.simpleName() + "; a null value is left out.");
        out.open("public static final class Builder extends PropertyMap.Builder {");
        out.line();
        out.open("private Builder() {");
        out.close("}");
        out.line();
        out.open("private Builder(" + MAP_OF_VALUES.render(imports) + " values) {");
        out.line("putAll(values);");
        out.close("}");
        for (PropertySpec property : properties) {
            out.line();
            out.open("public Builder " + Names.identifier(property.name()) + "(" + setterType(property.type()).render(imports)
                    + " value) {");
            out.line("put(" + constant(property.name()) + ", " + write(property.type()) + ");");
            out.line("return this;");
            out.close("}");
        }
        out.line();
        out.open("public " + type.simpleName() + " build() {");
        out.line("return new " + type.simpleName() + "(values());");
        out.close("}");
        out.close("}");
    }

    private static void checkNames(JavaType type, List<PropertySpec> properties) {
        var constants = new HashSet<String>();
        for (PropertySpec property : properties) {
            String where = type.simpleName() + "." + property.name();
            if (TAKEN_METHODS.contains(Names.identifier(property.name()))) {
                throw new SchemaException(where + ": the provider model cannot name a property '" + property.name()
                        + "' (its view already has a method of that name)");
            }
            if (TAKEN_CONSTANTS.contains(constant(property.name())) || !constants.add(constant(property.name()))) {
                throw new SchemaException(where + ": its constant " + constant(property.name())
                        + " is taken in the provider model; rename the property in schema.json");
            }
        }
    }

    // ---- types ----------------------------------------------------------------------------------------------------

    private boolean isEnum(TypeSpec type) {
        return type instanceof TypeSpec.Named named && schema.enumTypes().containsKey(named.token().text());
    }

    private boolean isObject(TypeSpec type) {
        return type instanceof TypeSpec.Named && !isEnum(type);
    }

    private boolean isText(TypeSpec type) {
        return isEnum(type) || type instanceof TypeSpec.Primitive p && p.kind() == TypeSpec.PrimitiveKind.STRING;
    }

    /** Enums read as their string value, as AWS's own models take them. */
    private JavaType getterType(TypeSpec type) {
        if (type instanceof TypeSpec.Primitive primitive) {
            return switch (primitive.kind()) {
                case STRING -> JavaType.STRING;
                case BOOLEAN -> JavaType.BOOLEAN;
                case INTEGER -> JavaType.of("java.lang", "Long");
                case NUMBER -> JavaType.DOUBLE;
                case ANY -> JavaType.OBJECT;
            };
        }
        if (type instanceof TypeSpec.ArrayOf array) {
            return JavaType.list(isText(array.items()) ? JavaType.STRING
                    : isObject(array.items()) ? getterType(array.items()) : JavaType.OBJECT);
        }
        if (type instanceof TypeSpec.MapOf map) {
            return JavaType.map(isText(map.values()) ? JavaType.STRING : JavaType.OBJECT);
        }
        return isEnum(type) ? JavaType.STRING : typeClass(((TypeSpec.Named) type).token());
    }

    private String read(PropertySpec property, Imports imports) {
        String name = constant(property.name());
        TypeSpec type = property.type();
        if (type instanceof TypeSpec.Primitive primitive) {
            return switch (primitive.kind()) {
                case STRING -> "string(" + name + ")";
                case BOOLEAN -> "bool(" + name + ")";
                case INTEGER -> "integer(" + name + ")";
                case NUMBER -> "number(" + name + ")";
                case ANY -> "get(" + name + ")";
            };
        }
        if (type instanceof TypeSpec.ArrayOf array) {
            if (isText(array.items())) {
                return "stringList(" + name + ")";
            }
            return isObject(array.items())
                    ? "objects(" + name + ", " + getterType(array.items()).render(imports) + "::new)"
                    : "list(" + name + ")";
        }
        if (type instanceof TypeSpec.MapOf map) {
            return isText(map.values()) ? "stringMap(" + name + ")" : "map(" + name + ")";
        }
        return isEnum(type) ? "string(" + name + ")" : "object(" + name + ", " + getterType(type).render(imports) + "::new)";
    }

    private JavaType setterType(TypeSpec type) {
        if (type instanceof TypeSpec.Primitive primitive
                && (primitive.kind() == TypeSpec.PrimitiveKind.INTEGER || primitive.kind() == TypeSpec.PrimitiveKind.NUMBER)) {
            return JavaType.of("java.lang", "Number");
        }
        return getterType(type);
    }

    private String write(TypeSpec type) {
        if (type instanceof TypeSpec.Primitive primitive) {
            return switch (primitive.kind()) {
                case INTEGER -> "integer(value)";
                case NUMBER -> "number(value)";
                default -> "value";
            };
        }
        if (type instanceof TypeSpec.ArrayOf array) {
            return isObject(array.items()) ? "objects(value)" : "list(value)";
        }
        return isObject(type) ? "object(value)" : "value";
    }

    // ---- indexes --------------------------------------------------------------------------------------------------

    /** A model in an index: the type of its constant, and the methods of the anonymous class that implements it. */
    private record IndexedModel(String type, List<Method> methods) {
    }

    private record Method(String signature, String returned) {
    }

    private GeneratedFile resourceIndex() {
        return index("ResourceModels", "The models of every resource type in schema.json.",
                schema.resources().values().stream().map(ResourceSpec::token).toList(), (token, imports) -> {
                    String inputs = inputsClass(token).render(imports);
                    String outputs = outputsClass(token).render(imports);
                    String values = MAP_OF_VALUES.render(imports) + " values";
                    return new IndexedModel("ResourceModel<" + inputs + ", " + outputs + ">", List.of(
                            new Method("String token()", inputs + ".TOKEN"),
                            new Method(inputs + " inputs(" + values + ")", "new " + inputs + "(values)"),
                            new Method(outputs + " outputs(" + values + ")", "new " + outputs + "(values)")));
                });
    }

    private GeneratedFile functionIndex() {
        return index("FunctionModels", "The models of every function in schema.json.",
                schema.functions().values().stream().map(FunctionSpec::token).toList(), (token, imports) -> {
                    String arguments = argumentsClass(token).render(imports);
                    return new IndexedModel("FunctionModel<" + arguments + ">", List.of(
                            new Method("String token()", arguments + ".TOKEN"),
                            new Method(arguments + " arguments(" + MAP_OF_VALUES.render(imports) + " values)",
                                    "new " + arguments + "(values)")));
                });
    }

    /** A class with a constant per token, each an anonymous implementation of the model (no lambdas at start). */
    private static GeneratedFile index(String className, String description, List<Token> tokens,
                                       BiFunction<Token, Imports, IndexedModel> model) {
        var imports = new Imports(BASE_PACKAGE, Set.of(className));
        var out = new SourceWriter();
        out.javadoc(description);
        out.open("public final class " + className + " {");
        var constants = new HashSet<String>();
        for (Token token : tokens) {
            String constant = indexConstant(token, constants);
            var indexed = model.apply(token, imports);
            out.line();
            out.javadoc(token.text());
            out.open("public static final " + indexed.type() + " " + constant + " = new " + indexed.type()
                    .replaceFirst("<.*", "<>") + "() {");
            for (Method method : indexed.methods()) {
                out.line("@Override");
                out.open("public " + method.signature() + " {");
                out.line("return " + method.returned() + ";");
                out.close("}");
                out.line();
            }
            out.close("};");
        }
        out.line();
        out.open("private " + className + "() {");
        out.close("}");
        out.close("}");
        return new GeneratedFile(BASE_PACKAGE.replace('.', '/') + "/" + className + ".java",
                HEADER + "\npackage " + BASE_PACKAGE + ";\n\n" + imports.render() + "\n" + out);
    }

    private static String indexConstant(Token token, Set<String> taken) {
        String constant = constant(token.name());
        if (!taken.add(constant)) {
            throw new SchemaException(token + ": another resource or function of another module has the name "
                    + token.name() + "; the provider models need distinct names");
        }
        return constant;
    }

    static final String HEADER = """
            // *** Generated from schema.json by ivs-sdk-generator (ProviderModelGenerator) when the provider is built. ***
            // *** Do not edit: change schema.json. ***
            """;
}
