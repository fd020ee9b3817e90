package com.ivsstack.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code maxResults} / {@code nextToken} paging. A token names the sort key of the last item returned, so pages
 * stay stable when items before the cursor are deleted between calls.
 */
public final class Pagination {
    private static final String PREFIX = "ivs-emulator:";

    private Pagination() {
    }

    /** One page of items and the token for the next, or null when this is the last page. */
    public record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * @param items sorted by {@code key}, ascending
     */
    public static <T> Page<T> page(List<T> items, ToLongFunction<T> key, JsonNode input, int defaultMaxResults) {
        int max = input.hasNonNull("maxResults") ? input.get("maxResults").asInt() : defaultMaxResults;
        String token = input.hasNonNull("nextToken") ? input.get("nextToken").asText() : "";
        long after = token.isEmpty() ? Long.MIN_VALUE : decode(token);
        List<T> page = new ArrayList<>();
        boolean more = false;
        for (T item : items) {
            if (key.applyAsLong(item) <= after) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? encode(key.applyAsLong(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    private static String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw ApiException.validation("The nextToken '" + token + "' is not valid: pass the nextToken of the "
                + "previous response of the same operation unchanged");
    }
}
