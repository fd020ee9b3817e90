package com.ivsstack.examples.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The public keys that examples ship as PEM files, read as IVS reads them. */
public final class PemKeys {
    private PemKeys() {
    }

    /** The elliptic-curve public key of a PEM file ("BEGIN PUBLIC KEY", X.509 SubjectPublicKeyInfo). */
    public static ECPublicKey ecPublicKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
