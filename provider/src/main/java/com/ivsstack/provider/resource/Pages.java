package com.ivsstack.provider.resource;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The items of a List operation across its pages. Each page is its own call (so each one is paced and its errors
 * mapped like any call), fetched only when the stream needs it: a search stops paging at the first match.
 */
final class Pages {

    private Pages() {
    }

    /**
     * @param fetch one page for a nextToken (null for the first page)
     * @param items the items of a page
     * @param nextToken the page's nextToken, empty or null on the last page
     */
    static <P, T> Stream<T> of(Function<String, P> fetch, Function<P, ? extends Collection<T>> items,
                               Function<P, String> nextToken) {
        return Stream.iterate(fetch.apply(null), page -> page != null, page -> {
            String token = nextToken.apply(page);
            return token == null || token.isEmpty() ? null : fetch.apply(token);
        }).flatMap(page -> items.apply(page).stream());
    }
}
