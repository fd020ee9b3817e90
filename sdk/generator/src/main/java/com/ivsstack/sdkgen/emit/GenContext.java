package com.ivsstack.sdkgen.emit;

import com.ivsstack.sdkgen.java.PackageLayout;
import com.ivsstack.sdkgen.java.TypeMapper;
import com.ivsstack.pulumi.schema.PackageSchema;

/** What every emitter needs: the schema, where things live in Java, and how types map. */
public record GenContext(PackageSchema schema, PackageLayout layout, TypeMapper types) {

    public static GenContext of(PackageSchema schema) {
        PackageLayout layout = new PackageLayout(schema);
        return new GenContext(schema, layout, new TypeMapper(schema, layout));
    }
}
