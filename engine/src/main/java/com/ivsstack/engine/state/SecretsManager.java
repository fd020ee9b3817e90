package com.ivsstack.engine.state;

import com.ivsstack.engine.secrets.PassphraseCrypter;
import com.ivsstack.engine.timing.RunTimings;
import java.util.function.Supplier;

/**
 * Encrypts and decrypts the secrets of one stack with the passphrase provider. The key is derived lazily
 * (PBKDF2 is deliberately slow), only when a secret is actually read or written.
 */
public final class SecretsManager {
    private final Supplier<String> existingPassphrase;
    private final Supplier<String> newPassphrase;
    private String encryptionSalt;
    private PassphraseCrypter crypter;

    public SecretsManager(Supplier<String> passphrase, String encryptionSalt) {
        this(passphrase, passphrase, encryptionSalt);
    }

    /**
     * @param existingPassphrase the passphrase of a stack that has secrets (an encryption salt)
     * @param newPassphrase      the passphrase for a stack's first secret (which may be made up on the spot)
     */
    public SecretsManager(Supplier<String> existingPassphrase, Supplier<String> newPassphrase, String encryptionSalt) {
        this.existingPassphrase = existingPassphrase;
        this.newPassphrase = newPassphrase;
        this.encryptionSalt = encryptionSalt;
    }

    /** The salt to record in the checkpoint's secrets provider state, or null if no secret was ever encrypted. */
    public synchronized String encryptionSalt() {
        return encryptionSalt;
    }

    /** Adopts the salt of an existing checkpoint when the stack configuration names none. */
    public synchronized void adoptSalt(String salt) {
        if (encryptionSalt == null && salt != null) {
            encryptionSalt = salt;
        }
    }

    public synchronized PassphraseCrypter crypter() {
        if (crypter == null) {
            RunTimings.mark("key-derivation-start");
            if (encryptionSalt == null) {
                crypter = PassphraseCrypter.create(newPassphrase.get());
                encryptionSalt = crypter.encryptionSalt();
            } else {
                crypter = PassphraseCrypter.open(existingPassphrase.get(), encryptionSalt);
            }
            RunTimings.mark("key-derived");
        }
        return crypter;
    }

    public String encrypt(String plaintext) {
        return crypter().encrypt(plaintext);
    }

    public String decrypt(String ciphertext) {
        return crypter().decrypt(ciphertext);
    }
}
