package com.ivsstack.provider.plugin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;

/**
 * Run by {@link BundledRuntimeTlsIT} on the plugin's bundled runtime: one HTTPS GET of the URL given, printing the
 * negotiated protocol and cipher suite and the body. Only java.base, as the runtime has it.
 */
public final class TlsProbe {

    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        var connection = (HttpsURLConnection) URI.create(args[0]).toURL().openConnection();
        String body = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(connection.getCipherSuite() + " " + body);
    }
}
