package com.ivsstack.pulumi.wire;

import java.util.Set;

/**
 * The magic strings of Pulumi's property encoding inside {@code google.protobuf.Struct}: an object carrying
 * {@link #SIGNATURE_KEY} is a special value (secret, resource reference, ...), and unknown values are plain strings.
 */
public final class WireSignatures {

    public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

    public static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";
    public static final String RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";
    public static final String OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    public static final String ASSET = "c44067f5952c0a294b673a41bacd8c17";
    public static final String ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7";
    public static final String BYTE_STRING = "803fd3297a5875dc03ca845dda5d2a98";

    /** The generic unknown, the only one we emit: every Pulumi SDK understands it. */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** Every unknown the engine may send: one per kind of value (bool, number, string, array, asset, archive, object). */
    public static final Set<String> UNKNOWNS = Set.of(
            "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
            "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
            UNKNOWN,
            "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
            "030794c1-ac77-496b-92df-f27374a8bd58",
            "e48ece36-62e2-4504-bad9-02848725956a",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff");

    private WireSignatures() {
    }
}
