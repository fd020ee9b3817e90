package com.ivsstack.sdkgen.emit;

import com.ivsstack.pulumi.schema.ObjectShape;
import com.ivsstack.pulumi.schema.ObjectTypeSpec;
import com.ivsstack.pulumi.schema.PackageSchema;
import com.ivsstack.pulumi.schema.PropertySpec;
import com.ivsstack.pulumi.schema.ResourceSpec;
import com.ivsstack.pulumi.schema.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which object types are reachable as inputs, as plain function inputs and as outputs: each use gets its own
 * class ({@code XArgs}, {@code X} in inputs, {@code X} in outputs), generated only where it is used.
 */
public record TypeUsage(Set<String> inputs, Set<String> plainInputs, Set<String> outputs) {

    public static TypeUsage of(PackageSchema schema) {
        List<ObjectShape> inputs = new ArrayList<>();
        List<ObjectShape> plainInputs = new ArrayList<>();
        List<ObjectShape> outputs = new ArrayList<>();
        for (ResourceSpec resource : schema.resources().values()) {
            inputs.add(resource.inputs());
            inputs.add(resource.stateInputs() != null ? resource.stateInputs() : resource.outputs());
            outputs.add(resource.outputs());
        }
        inputs.add(schema.provider().inputs());
        outputs.add(schema.provider().outputs());
        outputs.add(schema.config());
        schema.functions().values().forEach(f -> {
            if (f.inputs() != null) {
                inputs.add(f.inputs());
                plainInputs.add(f.inputs());
            }
            outputs.add(f.outputs());
        });
        return new TypeUsage(reachable(schema, inputs), reachable(schema, plainInputs), reachable(schema, outputs));
    }

    /** The tokens of the object types the shapes use, directly or nested, in the order first met. */
    public static Set<String> reachable(PackageSchema schema, List<ObjectShape> shapes) {
        Set<String> found = new LinkedHashSet<>();
        shapes.forEach(shape -> walk(schema, shape, found));
        return found;
    }

    private static void walk(PackageSchema schema, ObjectShape shape, Set<String> found) {
        for (PropertySpec property : shape.properties()) {
            walk(schema, property.type(), found);
        }
    }

    private static void walk(PackageSchema schema, TypeSpec type, Set<String> found) {
        if (type instanceof TypeSpec.ArrayOf a) {
            walk(schema, a.items(), found);
        } else if (type instanceof TypeSpec.MapOf m) {
            walk(schema, m.values(), found);
        } else if (type instanceof TypeSpec.Named n) {
            ObjectTypeSpec object = schema.objectTypes().get(n.token().text());
            if (object != null && found.add(n.token().text())) {
                walk(schema, object.shape(), found);
            }
        }
    }
}
