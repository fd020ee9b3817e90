package com.ivsstack.provider.aws;

import java.util.Set;
import java.util.regex.Pattern;

/** Reads IVS ARNs: {@code arn:aws:ivs:<region>:<account>:<resource-type>/<id>}. */
public final class ArnParser {

    private static final Pattern ARN = Pattern.compile("^arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)/([a-zA-Z0-9-]+)$");
    private static final Set<String> REAL_TIME_TYPES = Set.of("stage", "composition", "encoder-configuration",
            "storage-configuration", "public-key", "ingest-configuration");

    private ArnParser() {
    }

    /** Whether {@code arn} is an IVS ARN of the given resource type (for example {@code channel}). */
    public static boolean isArnOf(String resourceType, String arn) {
        var matcher = ARN.matcher(arn == null ? "" : arn);
        return matcher.matches() && matcher.group(3).equals(resourceType) && arn.length() <= 128;
    }

    /** Whether the ARN names an IVS RealTime resource (its tags go through the RealTime API). */
    public static boolean isRealTime(String arn) {
        var matcher = ARN.matcher(arn);
        return matcher.matches() && REAL_TIME_TYPES.contains(matcher.group(3));
    }

    /** The region part of the ARN, or null when it is not an IVS ARN. */
    public static String region(String arn) {
        var matcher = ARN.matcher(arn == null ? "" : arn);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
