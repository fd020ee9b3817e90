import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The release's check of a plugin tarball on runners where the plugin ITs (which read Linux's /proc) do not run:
 * unpacks the tarball into an empty directory, starts the launcher Pulumi would start on this OS with no JAVA_HOME
 * and a PATH without Java, requires the runtime's class-data sharing archive to map ({@code -Xshare:on}), reads the
 * port line and connects to it. Run with any JDK: {@code java PluginSmokeTest.java <tarball>}.
 */
public final class PluginSmokeTest {

    public static void main(String[] args) throws Exception {
        Path tarball = Path.of(args[0]).toAbsolutePath();
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path install = Files.createTempDirectory("pulumi-resource-ivs");
        // Windows' own tar (bsdtar): Git's GNU tar, first on a runner's PATH in bash, reads "C:" as a remote host.
        String tarCommand = windows ? System.getenv("SystemRoot") + "\\System32\\tar.exe" : "tar";
        Process tar = new ProcessBuilder(tarCommand, "-xzf", tarball.toString(), "-C", install.toString()).inheritIO()
                .start();
        require(tar.waitFor() == 0, "tar could not unpack " + tarball);
        Path launcher = install.resolve(windows ? "pulumi-resource-ivs.cmd" : "pulumi-resource-ivs");
        require(Files.isRegularFile(launcher), "no launcher " + launcher.getFileName() + " at the tarball's root");

        var builder = new ProcessBuilder(List.of(launcher.toString(), "127.0.0.1:1")).directory(install.toFile());
        builder.environment().remove("JAVA_HOME");
        // cmd.exe (which runs the .cmd launcher) lives in System32, which holds no java.
        builder.environment().put("PATH", windows ? System.getenv("SystemRoot") + "\\System32" : "/nonexistent");
        builder.environment().put("PULUMI_IVS_JAVA_OPTS", "-Xshare:on -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        long started = System.nanoTime();
        Process plugin = builder.start();
        try {
            String firstLine = CompletableFuture.supplyAsync(() -> firstLine(plugin.getInputStream()))
                    .get(60, TimeUnit.SECONDS);
            if (!firstLine.matches("[0-9]{1,5}")) {
                plugin.destroyForcibly();
                throw new IllegalStateException("the first stdout line is not a port: '" + firstLine + "'; stderr: "
                        + new String(plugin.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(firstLine)), 10_000);
            }
            System.out.printf("%s: port %s after %d ms, connected; no Java on PATH, no JAVA_HOME%n",
                    tarball.getFileName(), firstLine, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            plugin.descendants().forEach(ProcessHandle::destroyForcibly);
            plugin.destroyForcibly();
            plugin.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String firstLine(InputStream in) {
        var line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
