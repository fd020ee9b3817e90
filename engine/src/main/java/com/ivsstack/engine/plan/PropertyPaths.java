package com.ivsstack.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pulumi property paths ({@code a.b[0]}, {@code tags["k.x"]}, {@code a[*].b}) and ignoreChanges on values. */
public final class PropertyPaths {
    private PropertyPaths() {
    }

    public static List<String> parse(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                flush(segments, current);
                i++;
            } else if (c == '[') {
                flush(segments, current);
                int end;
                if (i + 1 < path.length() && path.charAt(i + 1) == '"') {
                    end = path.indexOf("\"]", i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("malformed property path '" + path + "': unclosed [\"");
                    }
                    segments.add(path.substring(i + 2, end));
                    i = end + 2;
                } else {
                    end = path.indexOf(']', i);
                    if (end < 0) {
                        throw new IllegalArgumentException("malformed property path '" + path + "': unclosed [");
                    }
                    segments.add(path.substring(i + 1, end));
                    i = end + 1;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        flush(segments, current);
        return segments;
    }

    private static void flush(List<String> segments, StringBuilder current) {
        if (current.length() > 0) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }

    /**
     * The new inputs with every ignored path set back to its old value (or removed when it had none), as the
     * Pulumi engine does before Check.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> applyIgnoreChanges(Map<String, Object> olds, Map<String, Object> news,
                                                         List<String> ignoreChanges) {
        if (olds == null || ignoreChanges.isEmpty()) {
            return news;
        }
        Map<String, Object> result = (Map<String, Object>) deepCopy(news);
        for (String path : ignoreChanges) {
            List<String> segments = parse(path);
            if (segments.isEmpty()) {
                continue;
            }
            copyPath(olds, result, segments);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void copyPath(Object old, Object target, List<String> segments) {
        String head = segments.get(0);
        if (!(old instanceof Map<?, ?> oldMap) || !(target instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> t = (Map<String, Object>) target;
        if (segments.size() == 1) {
            if (oldMap.containsKey(head)) {
                t.put(head, deepCopy(oldMap.get(head)));
            } else {
                t.remove(head);
            }
            return;
        }
        Object oldChild = oldMap.get(head);
        Object newChild = t.get(head);
        if (newChild == null && oldChild != null) {
            t.put(head, deepCopy(oldChild));
            return;
        }
        copyPath(oldChild, newChild, segments.subList(1, segments.size()));
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, deepCopy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return value;
    }
}
