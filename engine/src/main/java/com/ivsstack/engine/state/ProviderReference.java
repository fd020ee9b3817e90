package com.ivsstack.engine.state;

/** A provider reference as Pulumi writes it: {@code <provider URN>::<provider id>}. */
public record ProviderReference(String urn, String id) {
    public static ProviderReference parse(String reference) {
        int at = reference.lastIndexOf("::");
        if (at <= 0 || !reference.startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("malformed provider reference '" + reference
                    + "': expected <provider URN>::<provider id>");
        }
        return new ProviderReference(reference.substring(0, at), reference.substring(at + 2));
    }

    @Override
    public String toString() {
        return urn + "::" + id;
    }
}
