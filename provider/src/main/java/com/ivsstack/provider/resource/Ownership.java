package com.ivsstack.provider.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ownership tag that makes crash recovery possible. At create, every taggable resource also gets the tag
 * {@value #TAG_KEY} = the URN of the resource that created it (when the resource has room for one more tag). A URN
 * that is not a valid tag value (a component child's URN has a {@code $}, AWS allows only letters, digits, spaces and
 * {@code _ . : / = + - @}; or it is longer than 256 characters) is tagged as {@code sha256:<hex of the URN>} instead,
 * so every resource can be found again. The tag is invisible: it never appears in the inputs' or outputs' tags and
 * never causes a diff; tag updates never remove it.
 *
 * <p>Convention: {@code read} with an EMPTY id means "find the resource this URN created". The resource type looks
 * it up by this tag (the List operations return tags in their summaries) and returns it, or gone. The engine uses this
 * after a crash between AWS creating a resource and the state recording its id.
 */
public final class Ownership {

    public static final String TAG_KEY = "ivsstack:urn";
    static final int MAX_TAG_VALUE = 256;
    static final int MAX_TAGS = 50;
    /** AWS's rule for tag values (the newest IVS models carry it). */
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String DIGEST_PREFIX = "sha256:";

    private Ownership() {
    }

    /** The tags to send at create: the user's tags plus the ownership tag when it fits. */
    public static Map<String, String> tagsForCreate(Map<String, String> tags, String urn) {
        var result = new LinkedHashMap<>(tags);
        if (urn != null && !urn.isEmpty() && result.size() < MAX_TAGS) {
            result.put(TAG_KEY, tagValue(urn));
        }
        return result;
    }

    /** The value of the ownership tag for {@code urn}: the URN itself when AWS takes it as a tag value, else its digest. */
    static String tagValue(String urn) {
        if (urn.length() <= MAX_TAG_VALUE && TAG_VALUE.matcher(urn).matches()) {
            return urn;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(urn.getBytes(StandardCharsets.UTF_8));
            return DIGEST_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The tags without the ownership tag: what inputs and outputs show. */
    public static Map<String, String> visible(Map<String, String> tags) {
        var result = new LinkedHashMap<String, String>();
        if (tags != null) {
            tags.forEach((k, v) -> {
                if (!TAG_KEY.equals(k)) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }

    public static boolean ownedBy(Map<String, String> tags, String urn) {
        return tags != null && urn != null && !urn.isEmpty() && tagValue(urn).equals(tags.get(TAG_KEY));
    }

    /** The ARN of the first resource summary whose tags carry the ownership tag of {@code urn}. */
    static <S> Optional<String> find(Stream<S> summaries, Function<S, Map<String, String>> tags,
                                     Function<S, String> arn, String urn) {
        return summaries.filter(summary -> ownedBy(tags.apply(summary), urn)).map(arn).findFirst();
    }
}
