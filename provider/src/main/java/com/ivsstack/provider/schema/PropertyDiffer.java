package com.ivsstack.provider.schema;

import com.ivsstack.provider.api.PropertyDiff;
import com.ivsstack.provider.api.PropertyDiff.Kind;
import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.TypeSpec;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Secret;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The generic half of diff: compares old and new inputs property by property and reports each change at the deepest
 * path that explains it ({@code tags.team}, {@code video.width}). A change under a property marked
 * {@code replaceOnChanges} in schema.json is a replacement; anything else is an in-place update.
 */
public final class PropertyDiffer {

    private PropertyDiffer() {
    }

    public static Map<String, PropertyDiff> diff(PackageSchema schema, ObjectShape inputs, Map<String, Object> olds,
                                                 Map<String, Object> news, List<String> ignoreChanges) {
        var result = new LinkedHashMap<String, PropertyDiff>();
        var keys = new LinkedHashSet<String>();
        keys.addAll(olds.keySet());
        keys.addAll(news.keySet());
        for (String key : keys) {
            if (ignoreChanges != null && ignoreChanges.contains(key)) {
                continue;
            }
            var spec = inputs.property(key);
            boolean replace = spec != null && spec.replaceOnChanges();
            diffValue(schema, PropertyValues.path("", key), olds.get(key), news.get(key), replace,
                    spec == null ? null : spec.type(), result);
        }
        return result;
    }

    private static void diffValue(PackageSchema schema, String path, Object old, Object now, boolean replace,
                                  TypeSpec type, Map<String, PropertyDiff> out) {
        if (old == null && now == null) {
            return;
        }
        if (old == null) {
            out.put(path, PropertyDiff.of(replace ? Kind.ADD_REPLACE : Kind.ADD));
            return;
        }
        if (now == null) {
            out.put(path, PropertyDiff.of(replace ? Kind.DELETE_REPLACE : Kind.DELETE));
            return;
        }
        if (PropertyValues.isUnknown(now)) {
            out.put(path, PropertyDiff.of(replace ? Kind.UPDATE_REPLACE : Kind.UPDATE));
            return;
        }
        if (PropertyValues.same(old, now)) {
            return;
        }
        Object plainOld = Secret.unwrap(old);
        Object plainNew = Secret.unwrap(now);
        if (plainOld instanceof Map<?, ?> oldMap && plainNew instanceof Map<?, ?> newMap) {
            var keys = new LinkedHashSet<Object>();
            keys.addAll(oldMap.keySet());
            keys.addAll(newMap.keySet());
            for (Object key : keys) {
                TypeSpec childType = null;
                var objectType = schema.objectOf(type);
                if (type instanceof TypeSpec.MapOf mapOf) {
                    childType = mapOf.values();
                } else if (objectType != null) {
                    var child = objectType.shape().property(String.valueOf(key));
                    childType = child == null ? null : child.type();
                }
                diffValue(schema, PropertyValues.path(path, String.valueOf(key)), oldMap.get(key), newMap.get(key), replace,
                        childType, out);
            }
            return;
        }
        out.put(path, PropertyDiff.of(replace ? Kind.UPDATE_REPLACE : Kind.UPDATE));
    }
}
