package com.ivsstack.sdkgen;

import com.ivsstack.sdkgen.docs.ResourceDocEmitter;
import com.ivsstack.sdkgen.emit.ArgsEmitter;
import com.ivsstack.sdkgen.emit.EnumEmitter;
import com.ivsstack.sdkgen.emit.FunctionsEmitter;
import com.ivsstack.sdkgen.emit.GenContext;
import com.ivsstack.sdkgen.emit.OutputTypeEmitter;
import com.ivsstack.sdkgen.emit.ResourceEmitter;
import com.ivsstack.sdkgen.emit.SupportEmitter;
import com.ivsstack.sdkgen.emit.TypeUsage;
import com.ivsstack.pulumi.schema.FunctionSpec;
import com.ivsstack.pulumi.schema.ObjectTypeSpec;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.ResourceSpec;
import com.ivsstack.pulumi.schema.SchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the Java SDK from a Pulumi package schema, in the shape Pulumi's own Java generator gives:
 *
 * <pre>
 * SdkGenerator &lt;schema.json&gt; &lt;sdkDir&gt; [&lt;docsDir&gt; &lt;examplesDir&gt;]
 * </pre>
 *
 * writes {@code src/main/java/...} and {@code src/main/resources/...} under {@code sdkDir}, deleting generated
 * sources the schema no longer describes; with {@code docsDir} it also writes one Markdown page per resource,
 * with snippets taken from the examples in {@code examplesDir}.
 */
public final class SdkGenerator {

    private final PackageSchema schema;
    private final GenContext ctx;

    public SdkGenerator(PackageSchema schema) {
        this.schema = schema;
        this.ctx = GenContext.of(schema);
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: SdkGenerator <schema.json> <sdkDir> [<docsDir> <examplesDir>]");
            System.exit(2);
        }
        var generator = new SdkGenerator(SchemaReader.read(Path.of(args[0])));
        Path sdkDir = Path.of(args[1]);
        List<GeneratedFile> sdk = generator.generateSdk();
        writeReplacing(sdkDir, sdk, List.of("src/main/java", "src/main/resources"));
        System.out.println("wrote " + sdk.size() + " SDK files under " + sdkDir);
        if (args.length == 4) {
            List<GeneratedFile> docs = generator.generateDocs(Path.of(args[3]));
            write(Path.of(args[2]), docs);
            System.out.println("wrote " + docs.size() + " resource pages under " + args[2]);
        }
    }

    /** Every SDK file, keyed by path under the SDK module, sorted. */
    public List<GeneratedFile> generateSdk() {
        List<GeneratedFile> files = new ArrayList<>();
        TypeUsage usage = TypeUsage.of(schema);
        var args = new ArgsEmitter(ctx);
        var outputs = new OutputTypeEmitter(ctx);
        var resources = new ResourceEmitter(ctx);

        for (ResourceSpec resource : schema.resources().values()) {
            files.add(resources.emitResource(resource));
            files.add(args.emit(ctx.layout().resourceArgsClass(resource.token()), ArgsEmitter.Kind.RESOURCE_ARGS,
                    "The arguments for constructing a " + resource.token().name() + ".", resource.inputs()));
            files.add(args.emit(ctx.layout().resourceStateClass(resource.token()), ArgsEmitter.Kind.STATE,
                    "Properties that qualify the lookup of an existing " + resource.token().name() + ".",
                    resource.stateInputs() != null ? resource.stateInputs() : resource.outputs()));
        }
        for (ObjectTypeSpec type : schema.objectTypes().values()) {
            String token = type.token().text();
            if (usage.inputs().contains(token)) {
                files.add(args.emit(ctx.layout().inputTypeClass(type.token(), false), ArgsEmitter.Kind.RESOURCE_ARGS,
                        type.description(), type.shape()));
            }
            if (usage.plainInputs().contains(token)) {
                files.add(args.emit(ctx.layout().inputTypeClass(type.token(), true), ArgsEmitter.Kind.PLAIN_INVOKE_ARGS,
                        type.description(), type.shape()));
            }
            if (usage.outputs().contains(token)) {
                files.add(outputs.emit(ctx.layout().outputTypeClass(type.token()), type.description(), type.shape()));
            }
        }
        var enums = new EnumEmitter(ctx);
        schema.enumTypes().values().forEach(e -> files.add(enums.emit(e)));

        Map<String, List<FunctionSpec>> byModule = new TreeMap<>(schema.functions().values().stream()
                .collect(Collectors.groupingBy(f -> f.token().module())));
        var functions = new FunctionsEmitter(ctx);
        byModule.forEach((module, list) -> files.add(functions.emit(module, list)));
        for (FunctionSpec function : schema.functions().values()) {
            if (function.inputs() != null) {
                files.add(args.emit(ctx.layout().functionArgsClass(function.token(), false), ArgsEmitter.Kind.INVOKE_ARGS,
                        "The arguments of " + function.token().name() + ".", function.inputs()));
                files.add(args.emit(ctx.layout().functionArgsClass(function.token(), true),
                        ArgsEmitter.Kind.PLAIN_INVOKE_ARGS, "The arguments of " + function.token().name() + ".",
                        function.inputs()));
            }
            files.add(outputs.emit(ctx.layout().functionResultClass(function.token()),
                    "The result of " + function.token().name() + ".", function.outputs()));
        }

        files.add(resources.emitProvider());
        files.add(args.emit(ctx.layout().providerArgsClass(), ArgsEmitter.Kind.PROVIDER_ARGS,
                "The arguments for constructing an explicit Provider.", schema.provider().inputs()));
        var support = new SupportEmitter(ctx);
        files.add(support.emitConfig());
        files.add(support.emitUtilities());
        files.addAll(support.emitPackageResources());

        return GeneratedFile.sortedByPath(files);
    }

    /** One Markdown page per resource, with the Java snippets marked in the examples under {@code examplesDir}. */
    public List<GeneratedFile> generateDocs(Path examplesDir) {
        return new ResourceDocEmitter(ctx, examplesDir).emitAll();
    }

    /** Writes {@code files} under {@code root}, first deleting every other file under the given folders. */
    public static void writeReplacing(Path root, List<GeneratedFile> files, List<String> generatedFolders) {
        var keep = files.stream().map(f -> root.resolve(f.path()).normalize()).collect(Collectors.toSet());
        for (String folder : generatedFolders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path stale : walk.filter(Files::isRegularFile).filter(p -> !keep.contains(p.normalize())).toList()) {
                    Files.delete(stale);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cleaning " + dir + ": " + e.getMessage(), e);
            }
        }
        write(root, files);
    }

    public static void write(Path root, List<GeneratedFile> files) {
        try {
            for (GeneratedFile file : files) {
                Path target = root.resolve(file.path());
                Files.createDirectories(target.getParent());
                if (!Files.exists(target) || !Files.readString(target).equals(file.content())) {
                    Files.writeString(target, file.content());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing generated files under " + root + ": " + e.getMessage(), e);
        }
    }
}
