package com.ivsstack.provider.plugin;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled runtime speaks the TLS that AWS endpoints need, although jdeps cannot see it: an elliptic-curve key
 * exchange and an ECDSA certificate, both from the SunEC provider of jdk.crypto.ec, which the security framework loads
 * by name. An HTTPS server in this JVM with an EC certificate; the runtime's own java, offering only elliptic-curve
 * groups, fetches from it.
 */
class BundledRuntimeTlsIT {

    private static final String PASSWORD = "changeit";

    @Test
    void bundledJava_httpsWithEllipticCurveKeyExchangeAndCertificate_completesTheHandshake(@TempDir Path dir)
            throws Exception {
        Path keyStore = dir.resolve("localhost.p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD));
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext("/", exchange -> {
            byte[] body = "hello over TLS".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String printed = run(List.of(InstalledPlugin.pluginDirectory().resolve("runtime/bin/java").toString(),
                    "-Djdk.tls.namedGroups=x25519,secp256r1", "-Djavax.net.ssl.trustStore=" + keyStore,
                    "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-cp", Path.of(TlsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    TlsProbe.class.getName(), "https://127.0.0.1:" + server.getAddress().getPort() + "/"));

            assertThat(printed).startsWith("TLS_").contains("hello over TLS");
        } finally {
            server.stop(0);
        }
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        var keys = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s:%n%s", String.join(" ", command), printed).isZero();
        return printed;
    }
}
