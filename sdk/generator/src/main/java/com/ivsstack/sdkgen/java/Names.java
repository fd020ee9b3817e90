package com.ivsstack.sdkgen.java;

import java.util.Set;

/** Java spellings of schema names. */
public final class Names {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield");

    private Names() {}

    /** A property's Java identifier: the schema name, with {@code _} appended to a keyword. */
    public static String identifier(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_$]", "_");
        if (Character.isDigit(cleaned.charAt(0))) {
            cleaned = "_" + cleaned;
        }
        return KEYWORDS.contains(cleaned) ? cleaned + "_" : cleaned;
    }

    public static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** An enum case name made from its value, Pulumi style: {@code FULL_HD} becomes {@code FullHd}. */
    public static String enumCase(String value) {
        StringBuilder name = new StringBuilder();
        for (String word : value.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                boolean shouting = word.equals(word.toUpperCase());
                name.append(Character.toUpperCase(word.charAt(0)))
                        .append(shouting ? word.substring(1).toLowerCase() : word.substring(1));
            }
        }
        if (name.length() == 0) {
            name.append("Empty");
        }
        return Character.isDigit(name.charAt(0)) ? "_" + name : name.toString();
    }

    /** A Java string literal. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
