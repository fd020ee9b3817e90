package com.ivsstack.provider.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A detailed diff: property path (for example {@code tags.team} or {@code video.width}) to change. The top-level
 * {@link #diffs()} and {@link #replaces()} are derived from it, so they can never disagree with it.
 */
public record DiffResult(Map<String, PropertyDiff> detailedDiff, boolean deleteBeforeReplace) {

    public DiffResult {
        detailedDiff = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detailedDiff));
    }

    public static DiffResult none() {
        return new DiffResult(Map.of(), false);
    }

    public boolean hasChanges() {
        return !detailedDiff.isEmpty();
    }

    /** Top-level property names that change. */
    public List<String> diffs() {
        var keys = new LinkedHashSet<String>();
        detailedDiff.keySet().forEach(path -> keys.add(topLevelKey(path)));
        return List.copyOf(keys);
    }

    /** Top-level property names whose change forces a replacement. */
    public List<String> replaces() {
        var keys = new LinkedHashSet<String>();
        detailedDiff.forEach((path, diff) -> {
            if (diff.kind().isReplace()) {
                keys.add(topLevelKey(path));
            }
        });
        return List.copyOf(keys);
    }

    public boolean requiresReplacement() {
        return !replaces().isEmpty();
    }

    /** The first segment of a property path: {@code a.b[0]} and {@code a["x.y"]} both give {@code a}. */
    public static String topLevelKey(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
