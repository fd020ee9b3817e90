package com.ivsstack.provider.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The ownership tag that makes crash recovery possible. At create, every taggable resource also gets the tag
 * {@value #TAG_KEY} = the URN of the resource that created it (when the resource has room for one more tag). A tag
 * value has only the characters of AWS's tagging rules ({@link TagRules}), and a URN may hold others (a component's
 * child has a {@code $}): each of those, and {@code @} itself, is written {@code @<hex code point>@}, so a URN within
 * the rules is its own tag value and every URN has a value of its own. A URN whose value would be longer than a tag
 * value may be is tagged {@code sha256:<hex of the URN>} instead, so that it too can be found again. The tag is
 * invisible: it never appears in the inputs' or outputs' tags and never causes a diff; tag updates never remove it.
 *
 * <p>Convention: {@code read} with an EMPTY id means "find the resource this URN created". The resource type looks
 * it up by this tag (the List operations return tags in their summaries) and returns it, or gone. The engine uses this
 * after a crash between AWS creating a resource and the state recording its id.
 */
public final class Ownership {

    public static final String TAG_KEY = "ivsstack:urn";
    static final int MAX_TAGS = 50;
    private static final String DIGEST_PREFIX = "sha256:";

    private Ownership() {
    }

    /** The tags to send at create: the user's tags plus the ownership tag when there is room for it. */
    public static Map<String, String> tagsForCreate(Map<String, String> tags, String urn) {
        var result = new LinkedHashMap<>(tags);
        if (urn != null && !urn.isEmpty() && result.size() < MAX_TAGS) {
            result.put(TAG_KEY, tagValue(urn));
        }
        return result;
    }

    /** The ownership tag's value for {@code urn}: always within AWS's tagging rules. */
    static String tagValue(String urn) {
        var value = new StringBuilder(urn.length());
        urn.codePoints().forEach(c -> {
            String character = Character.toString(c);
            if (c != '@' && TagRules.isAllowedValue(character)) {
                value.append(character);
            } else {
                value.append('@').append(Integer.toHexString(c)).append('@');
            }
        });
        return TagRules.isAllowedValue(value.toString()) ? value.toString() : digest(urn);
    }

    private static String digest(String urn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(urn.getBytes(StandardCharsets.UTF_8));
            return DIGEST_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The URN that an ownership tag's value stands for (a digest stands for itself: it cannot be read back). */
    static String urnOf(String tagValue) {
        if (tagValue.startsWith(DIGEST_PREFIX)) {
            return tagValue;
        }
        var urn = new StringBuilder(tagValue.length());
        for (int i = 0; i < tagValue.length(); i++) {
            int end = tagValue.charAt(i) == '@' ? tagValue.indexOf('@', i + 1) : -1;
            if (end > i + 1) {
                urn.appendCodePoint(Integer.parseInt(tagValue.substring(i + 1, end), 16));
                i = end;
            } else {
                urn.append(tagValue.charAt(i));
            }
        }
        return urn.toString();
    }

    /** The URN of the resource that created the AWS object with these tags, if any. */
    public static Optional<String> owner(Map<String, String> tags) {
        return tags == null ? Optional.empty() : Optional.ofNullable(tags.get(TAG_KEY)).map(Ownership::urnOf);
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
