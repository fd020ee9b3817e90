package com.ivsstack.sdkgen.provider;

import com.ivsstack.sdkgen.GeneratedFile;
import com.ivsstack.sdkgen.SdkGenerator;
import com.ivsstack.pulumi.schema.SchemaReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the provider's typed models ({@link ProviderModelEmitter}); the provider's build runs it:
 *
 * <pre>
 * ProviderModelGenerator &lt;schema.json&gt; &lt;generated sources dir&gt;
 * </pre>
 *
 * Files of an earlier run that the schema no longer describes are deleted.
 */
public final class ProviderModelGenerator {

    private ProviderModelGenerator() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ProviderModelGenerator <schema.json> <generated sources dir>");
            System.exit(2);
        }
        List<GeneratedFile> files = new ProviderModelEmitter(SchemaReader.read(Path.of(args[0]))).emit();
        Path root = Path.of(args[1]);
        SdkGenerator.writeReplacing(root, files,
                List.of(ProviderModelEmitter.BASE_PACKAGE.replace('.', '/')));
        System.out.println("wrote " + files.size() + " provider model files under " + root);
    }
}
