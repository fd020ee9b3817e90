package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.java.Imports;
import com.ivsstack.sdkgen.java.JavaFile;
import com.ivsstack.sdkgen.java.JavaType;
import com.ivsstack.sdkgen.java.Names;
import com.ivsstack.sdkgen.java.SourceWriter;
import com.ivsstack.pulumi.schema.FunctionSpec;
import java.util.List;
import java.util.Set;

/**
 * One {@code <Module>Functions} class per module: for each function an Output variant (taking
 * {@code InvokeOptions} or {@code InvokeOutputOptions}) and a {@code ...Plain} variant returning a
 * {@code CompletableFuture}.
 */
public final class FunctionsEmitter {

    private final GenContext ctx;

    public FunctionsEmitter(GenContext ctx) {
        this.ctx = ctx;
    }

    public GeneratedFile emit(String module, List<FunctionSpec> functions) {
        JavaType type = ctx.layout().functionsClass(module);
        String cls = type.simpleName();
        Imports imports = new Imports(type.packageName(), Set.of(cls));
        String output = imports.use("com.pulumi.core.Output");
        String future = imports.use("java.util.concurrent.CompletableFuture");
        String invokeOptions = imports.use("com.pulumi.deployment.InvokeOptions");
        String invokeOutputOptions = imports.use("com.pulumi.deployment.InvokeOutputOptions");
        String deployment = imports.use("com.pulumi.deployment.Deployment");
        String typeShape = imports.use("com.pulumi.core.TypeShape");
        String utilities = ctx.layout().utilitiesClass().render(imports);
        SourceWriter out = new SourceWriter();

        out.javadoc("The functions (invokes) of module " + module + " of the " + ctx.schema().name() + " package.");
        out.open("public final class " + cls + " {");
        for (FunctionSpec function : functions) {
            String method = Names.decapitalize(function.token().name());
            String result = ctx.layout().functionResultClass(function.token()).render(imports);
            String args;
            String plainArgs;
            String empty;
            String plainEmpty;
            if (function.inputs() == null) {
                args = plainArgs = imports.use("com.pulumi.resources.InvokeArgs");
                empty = plainEmpty = args + ".Empty";
            } else {
                args = ctx.layout().functionArgsClass(function.token(), false).render(imports);
                plainArgs = ctx.layout().functionArgsClass(function.token(), true).render(imports);
                empty = args + ".Empty";
                plainEmpty = plainArgs + ".Empty";
            }
            boolean argsOptional = function.inputs() == null || function.inputs().required().isEmpty();
            String token = Names.literal(function.token().text());
            String shape = typeShape + ".of(" + result + ".class)";
            String doc = function.description();
            String deprecated = function.deprecationMessage() == null ? null : "@deprecated " + function.deprecationMessage();

            if (argsOptional) {
                out.javadoc(doc, "@return the function's result", deprecated);
                out.open("public static " + output + "<" + result + "> " + method + "() {");
                out.line("return " + method + "(" + empty + ", " + invokeOptions + ".Empty);");
                out.close("}");
                out.javadoc(doc, "@return the function's result", deprecated);
                out.open("public static " + future + "<" + result + "> " + method + "Plain() {");
                out.line("return " + method + "Plain(" + plainEmpty + ", " + invokeOptions + ".Empty);");
                out.close("}");
            }
            out.javadoc(doc, "@param args the function's arguments\n@return the function's result", deprecated);
            out.open("public static " + output + "<" + result + "> " + method + "(" + args + " args) {");
            out.line("return " + method + "(args, " + invokeOptions + ".Empty);");
            out.close("}");
            out.javadoc(doc, "@param args the function's arguments\n@return the function's result", deprecated);
            out.open("public static " + future + "<" + result + "> " + method + "Plain(" + plainArgs + " args) {");
            out.line("return " + method + "Plain(args, " + invokeOptions + ".Empty);");
            out.close("}");
            for (String options : List.of(invokeOptions, invokeOutputOptions)) {
                out.javadoc(doc, "@param args the function's arguments\n@param options how to invoke it\n"
                        + "@return the function's result", deprecated);
                out.open("public static " + output + "<" + result + "> " + method + "(" + args + " args, " + options
                        + " options) {");
                out.line("return " + deployment + ".getInstance().invoke(" + token + ", " + shape + ", args, "
                        + utilities + ".withVersion(options));");
                out.close("}");
            }
            out.javadoc(doc, "@param args the function's arguments\n@param options how to invoke it\n"
                    + "@return the function's result", deprecated);
            out.open("public static " + future + "<" + result + "> " + method + "Plain(" + plainArgs + " args, "
                    + invokeOptions + " options) {");
            out.line("return " + deployment + ".getInstance().invokeAsync(" + token + ", " + shape + ", args, "
                    + utilities + ".withVersion(options));");
            out.close("}");
        }
        out.close("}");
        return JavaFile.of(type, imports, out.toString());
    }
}
