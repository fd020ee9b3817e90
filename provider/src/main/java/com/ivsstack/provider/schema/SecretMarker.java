package com.ivsstack.provider.schema;

import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.value.PropertyValues;
import com.ivsstack.pulumi.value.Secret;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wraps every value that schema.json marks {@code secret: true} (at any depth) as a {@link Secret}. */
public final class SecretMarker {

    private SecretMarker() {
    }

    public static Map<String, Object> mark(PackageSchema schema, ObjectShape shape, Map<String, Object> values) {
        var result = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            var spec = shape.property(k);
            result.put(k, spec == null || v == null ? v : mark(schema, spec, v));
        });
        return result;
    }

    private static Object mark(PackageSchema schema, PropertySpec spec, Object value) {
        Object marked = value;
        var objectType = schema.objectOf(spec.type());
        if (objectType != null && Secret.unwrap(value) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked") var object = (Map<String, Object>) map;
            marked = mark(schema, objectType.shape(), object);
            if (value instanceof Secret) {
                marked = new Secret(marked);
            }
        }
        // a secret as a whole is wrapped once: no secrets nested inside a secret
        return spec.secret() ? Secret.wrap(PropertyValues.deepUnwrap(marked)) : marked;
    }
}
