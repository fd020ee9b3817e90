package com.ivsstack.engine.state;

/** Pulumi URNs: {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}. */
public final class Urns {
    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private Urns() {
    }

    /**
     * The URN of a resource; its type is qualified by its parent's type chain unless the parent is the stack,
     * exactly as the Pulumi engine builds it.
     */
    public static String create(String stack, String project, String parentUrn, String type, String name) {
        String qualified = type;
        if (parentUrn != null && !parentUrn.isEmpty()) {
            String parentType = qualifiedType(parentUrn);
            if (!parentType.equals(STACK_TYPE)) {
                qualified = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    public static String qualifiedType(String urn) {
        String[] parts = split(urn);
        return parts[2];
    }

    /** The resource's own type (last element of the qualified type). */
    public static String type(String urn) {
        String qualified = qualifiedType(urn);
        int dollar = qualified.lastIndexOf('$');
        return dollar < 0 ? qualified : qualified.substring(dollar + 1);
    }

    public static String name(String urn) {
        return split(urn)[3];
    }

    private static String[] split(String urn) {
        if (!urn.startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("malformed URN '" + urn + "': expected urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        String[] parts = urn.substring("urn:pulumi:".length()).split("::", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("malformed URN '" + urn + "': expected urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        return parts;
    }
}
