package com.ivsstack.pulumi.value;

/** A property value that is not known yet: during preview, an input computed from another resource's output. */
public enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "<unknown>";
    }
}
