package com.ivsstack.pulumi.wire;

/** A property value on the wire that the codec cannot translate (a provider answers INVALID_ARGUMENT); names its path. */
public class MalformedPropertyException extends IllegalArgumentException {

    public MalformedPropertyException(String path, String problem) {
        super("property " + (path.isEmpty() ? "<root>" : path) + ": " + problem);
    }
}
