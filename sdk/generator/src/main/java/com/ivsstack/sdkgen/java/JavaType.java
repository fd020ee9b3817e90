package com.ivsstack.sdkgen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A Java class type with its generic arguments, e.g. {@code java.util.Map<java.lang.String,java.lang.String>}. */
public record JavaType(String packageName, String simpleName, List<JavaType> arguments) {

    public static final JavaType STRING = of("java.lang", "String");
    public static final JavaType INTEGER = of("java.lang", "Integer");
    public static final JavaType DOUBLE = of("java.lang", "Double");
    public static final JavaType BOOLEAN = of("java.lang", "Boolean");
    public static final JavaType OBJECT = of("java.lang", "Object");

    public static JavaType of(String packageName, String simpleName) {
        return new JavaType(packageName, simpleName, List.of());
    }

    public static JavaType list(JavaType element) {
        return new JavaType("java.util", "List", List.of(element));
    }

    public static JavaType map(JavaType value) {
        return new JavaType("java.util", "Map", List.of(STRING, value));
    }

    public static JavaType output(JavaType value) {
        return new JavaType("com.pulumi.core", "Output", List.of(value));
    }

    public static JavaType optional(JavaType value) {
        return new JavaType("java.util", "Optional", List.of(value));
    }

    public String qualifiedName() {
        return packageName + "." + simpleName;
    }

    public JavaType raw() {
        return arguments.isEmpty() ? this : of(packageName, simpleName);
    }

    public boolean isList() {
        return qualifiedName().equals("java.util.List");
    }

    public boolean isMap() {
        return qualifiedName().equals("java.util.Map");
    }

    /** Source text, importing what it names; Pulumi style writes no space after the comma. */
    public String render(Imports imports) {
        String name = imports.use(this);
        if (arguments.isEmpty()) {
            return name;
        }
        return name + arguments.stream().map(a -> a.render(imports)).collect(Collectors.joining(",", "<", ">"));
    }

    /** The distinct classes in the order they first appear, as {@code @Export(refs=...)} lists them. */
    public List<JavaType> exportRefs() {
        List<JavaType> refs = new ArrayList<>();
        collectRefs(refs);
        return refs;
    }

    private void collectRefs(List<JavaType> refs) {
        if (!refs.contains(raw())) {
            refs.add(raw());
        }
        arguments.forEach(a -> a.collectRefs(refs));
    }

    /**
     * The {@code @Export(tree=...)} shape: indexes into {@link #exportRefs()}, a generic type as
     * {@code [type,arg,...]}, a plain top-level type as {@code [index]}.
     */
    public String exportTree() {
        List<JavaType> refs = exportRefs();
        return arguments.isEmpty() ? "[" + refs.indexOf(raw()) + "]" : tree(refs);
    }

    private String tree(List<JavaType> refs) {
        int index = refs.indexOf(raw());
        if (arguments.isEmpty()) {
            return Integer.toString(index);
        }
        return arguments.stream().map(a -> a.tree(refs))
                .collect(Collectors.joining(",", "[" + index + ",", "]"));
    }
}
