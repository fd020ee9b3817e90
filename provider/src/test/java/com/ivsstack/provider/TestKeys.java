package com.ivsstack.provider;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key material for playback key pair tests, made fresh: IVS takes ECDSA P-384 public keys in PEM. */
public final class TestKeys {

    private TestKeys() {
    }

    public static String ecdsaPublicKeyPem() {
        return ecdsaPublicKeyPem("secp384r1");
    }

    /** A key on another curve than IVS takes, for example secp256r1. */
    public static String ecdsaPublicKeyPem(String curve) {
        return pem(generate("EC", new ECGenParameterSpec(curve)));
    }

    public static String rsaPublicKeyPem() {
        return pem(generate("RSA", null));
    }

    private static byte[] generate(String algorithm, ECGenParameterSpec spec) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair().getPublic().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }
}
