package com.ivsstack.sdkgen.java;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The imports of one source file. A simple name belongs to the first class that claims it; a later class
 * with the same simple name (say an enum and a State class both called {@code RecordingConfigurationState})
 * is written fully qualified instead.
 */
public final class Imports {

    private final String currentPackage;
    private final Map<String, String> bySimpleName = new TreeMap<>();
    private final Set<String> imported = new TreeSet<>();

    /** @param reservedNames simple names already taken: the class itself and its nested classes */
    public Imports(String currentPackage, Set<String> reservedNames) {
        this.currentPackage = currentPackage;
        reservedNames.forEach(n -> bySimpleName.put(n, currentPackage + "." + n));
    }

    /** The name to write for {@code type} (raw), importing it when that is possible without ambiguity. */
    public String use(JavaType type) {
        return use(type.packageName(), type.simpleName());
    }

    public String use(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return use(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    private String use(String packageName, String simpleName) {
        String qualified = packageName + "." + simpleName;
        String owner = bySimpleName.putIfAbsent(simpleName, qualified);
        if (owner != null && !owner.equals(qualified)) {
            return qualified;
        }
        if (!packageName.equals(currentPackage)) {
            imported.add(qualified);
        }
        return simpleName;
    }

    public String render() {
        return imported.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining());
    }
}
