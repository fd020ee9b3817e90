package com.ivsstack.engine.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Where the passphrase comes from, in Pulumi's order ({@code PULUMI_CONFIG_PASSPHRASE}, then the file named by
 * {@code PULUMI_CONFIG_PASSPHRASE_FILE}); when neither is set, a random passphrase kept in the state directory,
 * so that a local stack keeps its secrets encrypted without any setup. That file is made only for a stack's first
 * secret: for a stack that has secrets, a missing file is an error, since a new passphrase could not open them.
 */
public final class PassphraseSource {
    public static final String LOCAL_FILE = "passphrase";

    private PassphraseSource() {
    }

    /**
     * @param forExistingSecrets whether the stack already has secrets (an encryption salt): then the local file must
     *                           exist, and is never generated
     */
    public static String resolve(Map<String, String> env, Path stateDir, boolean forExistingSecrets) {
        return fromEnvironment(env).orElseGet(() -> localPassphrase(stateDir, forExistingSecrets));
    }

    /** The passphrase from {@code PULUMI_CONFIG_PASSPHRASE} or {@code PULUMI_CONFIG_PASSPHRASE_FILE}, if set. */
    public static Optional<String> fromEnvironment(Map<String, String> env) {
        String phrase = env.get("PULUMI_CONFIG_PASSPHRASE");
        if (phrase != null) {
            return Optional.of(phrase);
        }
        String file = env.get("PULUMI_CONFIG_PASSPHRASE_FILE");
        if (file != null && !file.isEmpty()) {
            try {
                return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read PULUMI_CONFIG_PASSPHRASE_FILE " + file, e);
            }
        }
        return Optional.empty();
    }

    /**
     * The passphrase of a stack kept in a shared backend: only from the environment. A passphrase generated into a
     * local file would open the stack's secrets on this machine only, and its teammates' runs could not read them.
     */
    public static String shared(Map<String, String> env, String backend) {
        return fromEnvironment(env).orElseThrow(() -> new IllegalStateException("the stack's state is in the shared "
                + "backend " + backend + ", so its secrets' passphrase must be shared too: set PULUMI_CONFIG_PASSPHRASE, "
                + "or PULUMI_CONFIG_PASSPHRASE_FILE naming a file that holds it (ivsstack generates a passphrase into a "
                + "local file only for a local backend)"));
    }

    private static synchronized String localPassphrase(Path stateDir, boolean forExistingSecrets) {
        Path file = stateDir.resolve(LOCAL_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (forExistingSecrets) {
                throw new IllegalStateException("the passphrase file " + file + " is missing, and this stack's secrets "
                        + "are encrypted with the passphrase it held (a new one could not open them, so none is made). "
                        + "Put the file back from a backup, or set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) "
                        + "to the stack's passphrase");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String phrase = HexFormat.of().formatHex(random);
            Files.createDirectories(stateDir);
            // Owner-only where the file system supports it: the file opens every secret of the stack.
            Path tmp = Files.createTempFile(stateDir, "passphrase", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the directory's protection applies
            }
            Files.writeString(tmp, phrase + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return phrase;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local passphrase file " + file, e);
        }
    }
}
