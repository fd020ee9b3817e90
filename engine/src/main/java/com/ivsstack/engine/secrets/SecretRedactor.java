package com.ivsstack.engine.secrets;

import com.ivsstack.pulumi.value.Secret;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks the plain text of every secret a run knows (secret config, secret inputs and outputs of the state, secret
 * outputs handed to the program) in the messages it shows: a program or provider that logs a value it received
 * (the Pulumi Java SDK logs whole monitor responses at debug level) must not print a stream key.
 */
public final class SecretRedactor {
    public static final String MASK = "[secret]";
    /** Shorter values (a port, "true") would mask ordinary text and protect nothing. */
    private static final int MIN_LENGTH = 4;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    /** Counts additions to {@link #secrets}, so that the sorted copy is rebuilt only after one. */
    private final java.util.concurrent.atomic.AtomicInteger additions = new java.util.concurrent.atomic.AtomicInteger();
    /** The secrets longest first as of some number of additions: every message shown is redacted. */
    private volatile Sorted sorted = new Sorted(0, List.of());

    private record Sorted(int additions, List<String> longestFirst) {
    }

    /** Remembers the plain text of every {@link Secret} inside {@code value} (maps, lists, nested). */
    public void remember(Object value) {
        collect(value, false);
    }

    private void collect(Object value, boolean secret) {
        if (value instanceof Secret s) {
            collect(s.value(), true);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, secret));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, secret));
        } else if (secret && value != null) {
            String text = value.toString();
            if (text.length() >= MIN_LENGTH && secrets.add(text)) {
                additions.incrementAndGet();
            }
        }
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : longestFirst()) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** Longest first, so a secret that contains another is masked whole. */
    private List<String> longestFirst() {
        Sorted known = sorted;
        int now = additions.get();
        if (known.additions() != now) {
            known = new Sorted(now, secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
            sorted = known;
        }
        return known.longestFirst();
    }
}
