package com.ivsstack.pulumi.value;

/**
 * A reference to another resource, as Pulumi sends it where a program passed a resource: its URN, and the id of a
 * custom resource (null for a component; empty or unknown while the id is not known yet).
 *
 * @param packageVersion the version of the package that defines the resource, or null
 */
public record ResourceReference(String urn, String id, String packageVersion) {

    /** Whether it is a custom resource's reference (it has an id, known or not). */
    public boolean hasId() {
        return id != null;
    }
}
