package com.ivsstack.engine.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Pulumi passphrase secrets provider's cipher: AES-256-GCM with a key derived by PBKDF2-HMAC-SHA256
 * (1,000,000 iterations) from the passphrase and an 8-byte salt. Ciphertexts read {@code v1:<nonce>:<sealed>}
 * (base64), and the provider state ("encryption salt") reads {@code v1:<salt>:<encryption of "pulumi">}, so a
 * stack written here opens with the Pulumi CLI and the same passphrase, and the other way round.
 */
public final class PassphraseCrypter {
    private static final int ITERATIONS = 1_000_000;
    private static final String CHECK_PLAINTEXT = "pulumi";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String encryptionSalt;

    private PassphraseCrypter(SecretKeySpec key, String encryptionSalt) {
        this.key = key;
        this.encryptionSalt = encryptionSalt;
    }

    /** A new salt for a stack that has none yet. */
    public static PassphraseCrypter create(String passphrase) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        PassphraseCrypter keyOnly = new PassphraseCrypter(deriveKey(passphrase, salt), null);
        String state = "v1:" + Base64.getEncoder().encodeToString(salt) + ":" + keyOnly.encrypt(CHECK_PLAINTEXT);
        return new PassphraseCrypter(keyOnly.key, state);
    }

    /** Opens an existing encryption salt; fails with a clear message when the passphrase is wrong. */
    public static PassphraseCrypter open(String passphrase, String encryptionSalt) {
        String[] parts = encryptionSalt.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("malformed encryption salt '" + encryptionSalt
                    + "': expected v1:<salt>:<check value> as the Pulumi passphrase provider writes it");
        }
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        PassphraseCrypter crypter = new PassphraseCrypter(deriveKey(passphrase, salt), encryptionSalt);
        String check;
        try {
            check = crypter.decrypt(parts[2]);
        } catch (IllegalArgumentException e) {
            check = null;
        }
        if (!CHECK_PLAINTEXT.equals(check)) {
            throw new IllegalArgumentException("incorrect passphrase: it does not open this stack's secrets; set "
                    + "PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE to the passphrase the stack was created with");
        }
        return crypter;
    }

    public String encryptionSalt() {
        return encryptionSalt;
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "v1:" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JDK", e);
        }
    }

    public String decrypt(String ciphertext) {
        String[] parts = ciphertext.split(":");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("malformed secret ciphertext: expected v1:<nonce>:<ciphertext>");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt a secret: wrong passphrase or corrupted value", e);
        }
    }

    /** Derived keys by passphrase digest and salt: PBKDF2 is slow on purpose, one derivation per process is enough. */
    private static final java.util.Map<String, SecretKeySpec> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static SecretKeySpec deriveKey(String passphrase, byte[] salt) {
        String cacheKey;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
            cacheKey = Base64.getEncoder().encodeToString(digest) + ":" + Base64.getEncoder().encodeToString(salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return KEYS.computeIfAbsent(cacheKey, k -> pbkdf2(passphrase, salt));
    }

    private static SecretKeySpec pbkdf2(String passphrase, byte[] salt) {
        return new SecretKeySpec(pbkdf2HmacSha256(passphrase.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS), "AES");
    }

    /**
     * PBKDF2 with HMAC-SHA256 (RFC 8018) for one 32-byte block, the key the passphrase provider derives. The JDK's
     * {@code PBKDF2WithHmacSHA256} hashes the padded HMAC key again in every one of the 1,000,000 iterations (four
     * SHA-256 compressions each); here the inner and outer pads are hashed once and their states copied, which
     * leaves two compressions per iteration, the JDK's own (intrinsic) SHA-256 still doing the hashing.
     * Kept because it is measurably the fastest (bench {@code secrets.Pbkdf2Benchmark}, the deriving thread's CPU
     * for one key in a fresh JVM with the launcher's options, medians of 9): 306 ms here, 358 ms the JDK's, 615 ms
     * BouncyCastle's {@code PKCS5S2ParametersGenerator}, which caches the pad states too but hashes in pure Java.
     */
    static byte[] pbkdf2HmacSha256(byte[] password, byte[] salt, int iterations) {
        try {
            byte[] key = password.length > 64 ? MessageDigest.getInstance("SHA-256").digest(password) : password;
            byte[] innerPad = new byte[64];
            byte[] outerPad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte k = i < key.length ? key[i] : 0;
                innerPad[i] = (byte) (k ^ 0x36);
                outerPad[i] = (byte) (k ^ 0x5c);
            }
            MessageDigest inner = MessageDigest.getInstance("SHA-256");
            inner.update(innerPad);
            MessageDigest outer = MessageDigest.getInstance("SHA-256");
            outer.update(outerPad);
            MessageDigest first = (MessageDigest) inner.clone();
            first.update(salt);
            first.update(new byte[] {0, 0, 0, 1}); // block index 1: the only block of a 256-bit key
            byte[] u = hmacOuter(outer, first.digest());
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                MessageDigest next = (MessageDigest) inner.clone();
                next.update(u);
                u = hmacOuter(outer, next.digest());
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }

    private static byte[] hmacOuter(MessageDigest outer, byte[] innerHash) throws CloneNotSupportedException {
        MessageDigest digest = (MessageDigest) outer.clone();
        digest.update(innerHash);
        return digest.digest();
    }
}
