package com.ivsstack.provider.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The ownership tag that makes crash recovery possible. At create, every taggable resource also gets the tag
 * {@value #TAG_KEY} = the URN of the resource that created it (when the URN is a valid tag value, at most 256
 * characters within AWS's tagging rules ({@link TagRules}; a child's URN has a {@code $}), and the resource has room
 * for one more tag). The tag is invisible: it never appears in the inputs' or outputs' tags and
 * never causes a diff; tag updates never remove it.
 *
 * <p>Convention: {@code read} with an EMPTY id means "find the resource this URN created". The resource type looks
 * it up by this tag (the List operations return tags in their summaries) and returns it, or gone. The engine uses this
 * after a crash between AWS creating a resource and the state recording its id.
 */
public final class Ownership {

    public static final String TAG_KEY = "ivsstack:urn";
    static final int MAX_TAGS = 50;

    private Ownership() {
    }

    /** The tags to send at create: the user's tags plus the ownership tag when it fits. */
    public static Map<String, String> tagsForCreate(Map<String, String> tags, String urn) {
        var result = new LinkedHashMap<>(tags);
        if (urn != null && !urn.isEmpty() && TagRules.isAllowedValue(urn) && result.size() < MAX_TAGS) {
            result.put(TAG_KEY, urn);
        }
        return result;
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
        return tags != null && urn != null && urn.equals(tags.get(TAG_KEY));
    }

    /** The ARN of the first resource summary whose tags carry the ownership tag of {@code urn}. */
    static <S> Optional<String> find(Stream<S> summaries, Function<S, Map<String, String>> tags,
                                     Function<S, String> arn, String urn) {
        return summaries.filter(summary -> ownedBy(tags.apply(summary), urn)).map(arn).findFirst();
    }
}
