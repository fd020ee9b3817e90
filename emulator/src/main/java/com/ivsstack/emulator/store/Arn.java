package com.ivsstack.emulator.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed IVS ARN: {@code arn:aws:ivs:<region>:<account>:<type>/<id>}. */
public record Arn(String region, String accountId, String resourceType, String resourceId) {
    private static final Pattern FORMAT =
            Pattern.compile("^arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)/([a-zA-Z0-9-]+)$");

    public static Optional<Arn> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        return m.matches() ? Optional.of(new Arn(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }

    public static String of(String region, String accountId, StoredResourceType type, String id) {
        return "arn:aws:ivs:" + region + ":" + accountId + ":" + type.arnType() + "/" + id;
    }

    @Override
    public String toString() {
        return "arn:aws:ivs:" + region + ":" + accountId + ":" + resourceType + "/" + resourceId;
    }
}
