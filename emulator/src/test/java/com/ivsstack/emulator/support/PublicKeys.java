package com.ivsstack.emulator.support;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Fresh PEM public keys for ImportPlaybackKeyPair. */
public final class PublicKeys {
    private PublicKeys() {
    }

    /** A new ECDSA public key on {@code curve} (IVS wants secp384r1), PEM-encoded. */
    public static String ecPem(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            byte[] der = generator.generateKeyPair().getPublic().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String p384() {
        return ecPem("secp384r1");
    }
}
