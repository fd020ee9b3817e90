package com.ivsstack.engine.plan;

import com.ivsstack.engine.provider.ProviderClient;
import com.ivsstack.pulumi.value.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the property changes of a step from a provider's detailed diff, or by comparing values. */
public final class PropertyDiffs {
    private PropertyDiffs() {
    }

    /** Changes from a detailed diff; values are looked up by the top-level key of each path. */
    public static List<PropertyChange> fromDetailedDiff(Map<String, ProviderClient.DiffKind> detailed,
                                                        Map<String, Object> olds, Map<String, Object> news) {
        List<PropertyChange> out = new ArrayList<>();
        detailed.forEach((path, kind) -> {
            PropertyChange.Kind k = switch (kind) {
                case ADD, ADD_REPLACE -> PropertyChange.Kind.ADD;
                case DELETE, DELETE_REPLACE -> PropertyChange.Kind.DELETE;
                default -> PropertyChange.Kind.UPDATE;
            };
            out.add(new PropertyChange(path, k, kind.replaces(), lookup(olds, path), lookup(news, path)));
        });
        return out;
    }

    /** Changes between two property maps, top-level key by key (sorted). */
    public static List<PropertyChange> compare(Map<String, Object> olds, Map<String, Object> news) {
        TreeSet<String> keys = new TreeSet<>();
        keys.addAll(olds.keySet());
        keys.addAll(news.keySet());
        List<PropertyChange> out = new ArrayList<>();
        for (String key : keys) {
            boolean inOld = olds.containsKey(key) && olds.get(key) != null;
            boolean inNew = news.containsKey(key) && news.get(key) != null;
            if (inOld && !inNew) {
                out.add(new PropertyChange(key, PropertyChange.Kind.DELETE, false, olds.get(key), null));
            } else if (!inOld && inNew) {
                out.add(new PropertyChange(key, PropertyChange.Kind.ADD, false, null, news.get(key)));
            } else if (inOld && !PropertyValues.same(olds.get(key), news.get(key))) {
                out.add(new PropertyChange(key, PropertyChange.Kind.UPDATE, false, olds.get(key), news.get(key)));
            }
        }
        return out;
    }

    /** The value at a simple property path ({@code a.b}, {@code a[0]}, {@code a["k"]}); null when absent. */
    public static Object lookup(Map<String, Object> values, String path) {
        Object current = values;
        for (String segment : PropertyPaths.parse(path)) {
            if (current instanceof com.ivsstack.pulumi.value.Secret s) {
                return s; // never reach into a secret for display
            }
            if (current instanceof Map<?, ?> m) {
                current = m.get(segment);
            } else if (current instanceof List<?> l) {
                try {
                    int index = Integer.parseInt(segment);
                    current = index < l.size() ? l.get(index) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return current;
    }
}
