package com.ivsstack.engine.state;

/** An operation that was started against a provider and has not been recorded as finished (Pulumi's OperationV2). */
public record PendingOperation(ResourceState resource, String type) {
    public static final String CREATING = "creating";
    public static final String UPDATING = "updating";
    public static final String DELETING = "deleting";
    public static final String READING = "reading";
    public static final String IMPORTING = "importing";
}
