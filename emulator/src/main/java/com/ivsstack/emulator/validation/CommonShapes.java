package com.ivsstack.emulator.validation;

import static com.ivsstack.emulator.validation.Shapes.integer;
import static com.ivsstack.emulator.validation.Shapes.map;
import static com.ivsstack.emulator.validation.Shapes.string;

/** Shapes shared by many operations of both services: ARNs, names, tags and pagination. */
public final class CommonShapes {
    private CommonShapes() {
    }

    /** An ARN of one resource type, e.g. {@code arn("channel")}, 1..128 characters. */
    public static StringShape arn(String resourceType) {
        return string().length(1, 128).pattern(arnRegex(resourceType));
    }

    /** An ARN of one resource type or the empty string (meaning "none"), 0..128 characters. */
    public static StringShape arnOrEmpty(String resourceType) {
        return string().length(0, 128).pattern("^$|" + arnRegex(resourceType));
    }

    /**
     * Any IVS resource ARN (the tag operations). The model's pattern has {@code [a-z-]} for the resource type,
     * which no real ARN matches; {@code [a-z-]+} is what the service accepts.
     */
    public static StringShape resourceArn() {
        return string().length(1, 128).pattern("^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$");
    }

    /** A resource name: 0..128 characters of letters, digits, '-' and '_'. */
    public static StringShape name() {
        return string().length(0, 128).pattern("^[a-zA-Z0-9-_]*$");
    }

    /**
     * AWS's tagging rule, which the newest IVS model carries as a pattern (the one of SDK 2.40.2 does not yet):
     * letters, spaces, digits and {@code _ . : / = + - @}.
     */
    private static final String TAG_CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]";

    /** A tag key: 1..128 of the tag characters, not starting with {@code aws:} (reserved for AWS use). */
    public static StringShape tagKey() {
        return string().length(1, 128).pattern("^" + TAG_CHARACTERS + "+$").reservedPrefix("aws:");
    }

    /** A tag value: 0..256 of the tag characters. */
    public static StringShape tagValue() {
        return string().length(0, 256).pattern("^" + TAG_CHARACTERS + "*$");
    }

    public static MapShape tags() {
        return map(tagKey(), tagValue()).size(0, 50);
    }

    public static StringShape nextToken() {
        return string().length(0, 1024).pattern("^[a-zA-Z0-9+/=_-]*$");
    }

    public static NumberShape maxResults(int max) {
        return integer(1, max);
    }

    public static StringShape bucketName() {
        return string().length(3, 63).pattern("^[a-z0-9-.]+$");
    }

    private static String arnRegex(String resourceType) {
        return "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:" + resourceType + "/[a-zA-Z0-9-]+$";
    }
}
