package com.ivsstack.provider.schema;

import com.ivsstack.provider.api.Secret;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wraps every value that schema.json marks {@code secret: true} (at any depth) as a {@link Secret}. */
public final class SecretMarker {

    private SecretMarker() {
    }

    public static Map<String, Object> mark(ObjectSchema schema, Map<String, Object> values) {
        var result = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            var spec = schema.property(k);
            result.put(k, spec == null || v == null ? v : mark(spec, v));
        });
        return result;
    }

    private static Object mark(PropertySpec spec, Object value) {
        Object marked = value;
        if (spec.type() instanceof TypeRef.ObjectOf objectOf && Secret.unwrap(value) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked") var object = (Map<String, Object>) map;
            marked = mark(objectOf.objectSchema(), object);
            if (value instanceof Secret) {
                marked = new Secret(marked);
            }
        }
        // a secret as a whole is wrapped once: no secrets nested inside a secret
        return spec.secret() ? Secret.wrap(Values.deepUnwrap(marked)) : marked;
    }
}
