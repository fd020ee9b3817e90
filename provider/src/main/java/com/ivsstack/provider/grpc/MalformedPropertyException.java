package com.ivsstack.provider.grpc;

/** A property value on the wire that the codec cannot translate; the adapter answers INVALID_ARGUMENT. */
public class MalformedPropertyException extends IllegalArgumentException {

    public MalformedPropertyException(String path, String problem) {
        super("property " + (path.isEmpty() ? "<root>" : path) + ": " + problem);
    }
}
