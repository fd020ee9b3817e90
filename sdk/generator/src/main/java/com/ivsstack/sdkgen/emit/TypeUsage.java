package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.schema.ObjectShape;
import com.ivsstack.sdkgen.schema.ObjectTypeSpec;
import com.ivsstack.sdkgen.schema.PackageSchema;
import com.ivsstack.sdkgen.schema.PropertySpec;
import com.ivsstack.sdkgen.schema.ResourceSpec;
import com.ivsstack.sdkgen.schema.TypeSpec;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which object types are reachable as inputs, as plain function inputs and as outputs: each use gets its own
 * class ({@code XArgs}, {@code X} in inputs, {@code X} in outputs), generated only where it is used.
 */
public record TypeUsage(Set<String> inputs, Set<String> plainInputs, Set<String> outputs) {

    public static TypeUsage of(PackageSchema schema) {
        var usage = new TypeUsage(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        for (ResourceSpec resource : schema.resources().values()) {
            usage.walk(schema, resource.inputs(), usage.inputs);
            usage.walk(schema, resource.stateInputs() != null ? resource.stateInputs() : resource.outputs(), usage.inputs);
            usage.walk(schema, resource.outputs(), usage.outputs);
        }
        usage.walk(schema, schema.provider().inputs(), usage.inputs);
        usage.walk(schema, schema.provider().outputs(), usage.outputs);
        usage.walk(schema, schema.config(), usage.outputs);
        schema.functions().values().forEach(f -> {
            if (f.inputs() != null) {
                usage.walk(schema, f.inputs(), usage.inputs);
                usage.walk(schema, f.inputs(), usage.plainInputs);
            }
            usage.walk(schema, f.outputs(), usage.outputs);
        });
        return usage;
    }

    private void walk(PackageSchema schema, ObjectShape shape, Set<String> into) {
        for (PropertySpec property : shape.properties()) {
            walk(schema, property.type(), into);
        }
    }

    private void walk(PackageSchema schema, TypeSpec type, Set<String> into) {
        if (type instanceof TypeSpec.ArrayOf a) {
            walk(schema, a.items(), into);
        } else if (type instanceof TypeSpec.MapOf m) {
            walk(schema, m.values(), into);
        } else if (type instanceof TypeSpec.Named n) {
            ObjectTypeSpec object = schema.objectTypes().get(n.token().text());
            if (object != null && into.add(n.token().text())) {
                walk(schema, object.shape(), into);
            }
        }
    }
}
