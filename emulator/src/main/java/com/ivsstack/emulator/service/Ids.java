package com.ivsstack.emulator.service;

import java.security.SecureRandom;

/** Generated identifiers and secrets, in the formats the service uses. */
public final class Ids {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** The id part of an ARN: 12 letters and digits, like {@code abcdABCDefgh}. */
    public static String resourceId() {
        return random(ALPHANUMERIC, 12);
    }

    /** The host label of ingest and playback endpoints: 12 hex digits. */
    public static String endpointLabel() {
        return random(HEX, 12);
    }

    /** A stream key value: {@code sk_<region>_<12>_<24>} like the service's. */
    public static String streamKeyValue(String region) {
        return "sk_" + region + "_" + random(ALPHANUMERIC, 12) + "_" + random(ALPHANUMERIC, 24);
    }

    /** An SRT passphrase: 68 letters and digits. */
    public static String srtPassphrase() {
        return random(ALPHANUMERIC, 68);
    }

    /** A stream id: {@code st-} and 23 letters and digits (26 in all). */
    public static String streamId() {
        return "st-" + random(ALPHANUMERIC, 23);
    }

    /** A RealTime stage session id: {@code st-} and 13 letters and digits (16 in all). */
    public static String stageSessionId() {
        return "st-" + random(ALPHANUMERIC, 13);
    }

    public static String random(int length) {
        return random(ALPHANUMERIC, length);
    }

    private static String random(String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(chars);
    }
}
