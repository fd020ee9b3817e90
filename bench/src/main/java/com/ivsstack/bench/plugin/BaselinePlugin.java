package com.ivsstack.bench.plugin;

import com.ivsstack.provider.IvsProvider;
import com.ivsstack.provider.aws.RateLimiter;
import com.ivsstack.provider.grpc.PluginLauncher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The benchmark's baseline: the packaged plugin's provider configured with a plain client, as the other IaC tools call
 * IVS (Terraform's and pulumi-aws-native's IVS resources): no pacing, the AWS SDK's default retry strategy, one Get
 * per resource read and no batch calls. Started like the plugin, by a launcher beside the installed plugin that puts
 * the benchmark's classes after the plugin's own jar.
 */
public final class BaselinePlugin {

    private static final String LAUNCHER = "pulumi-resource-ivs-baseline";

    private BaselinePlugin() {
    }

    public static void main(String[] args) {
        PluginLauncher.run(args, log -> IvsProvider.builder().log(log)
                .rateLimiter(RateLimiter.unlimited())
                .retryStrategy(maxRetries -> null)
                .channelReads(OneByOneReads::new)
                .build());
    }

    /**
     * Writes the baseline's launcher into the installed plugin directory (once) and returns it: the plugin's own JVM
     * options and class-data sharing archive, the plugin's jar first on the class path, then the benchmark's.
     */
    static synchronized Path launcher(Path pluginDirectory) throws IOException {
        // The bundled plugin is linked into its runtime image and has no jar to put first: take the system JVM's copy.
        Path jarDirectory = Files.isRegularFile(pluginDirectory.resolve("pulumi-resource-ivs.jar"))
                ? pluginDirectory : SystemJvmPlugin.installed();
        Path launcher = jarDirectory.resolve(LAUNCHER);
        if (Files.exists(launcher)) {
            return launcher;
        }
        Path benchmark;
        try {
            benchmark = Path.of(BaselinePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark's classes: " + e.getMessage(), e);
        }
        String script = """
                #!/bin/sh
                dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
                if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
                cds=""
                if [ -f "$dir/pulumi-resource-ivs.jsa" ]; then cds="-XX:SharedArchiveFile=$dir/pulumi-resource-ivs.jsa"; fi
                exec "$java" -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData $cds \\
                  -cp "$dir/pulumi-resource-ivs.jar:%s" %s "$@"
                """.formatted(benchmark, BaselinePlugin.class.getName());
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
