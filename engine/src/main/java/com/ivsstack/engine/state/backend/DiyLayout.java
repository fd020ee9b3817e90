package com.ivsstack.engine.state.backend;

/**
 * The keys of Pulumi's DIY backends in project mode (pulumi/pulumi {@code pkg/backend/diy}), for one stack. The
 * organization of a DIY stack is always the literal {@code organization}.
 */
public record DiyLayout(String project, String stack) {
    public static final String META = ".pulumi/meta.yaml";
    public static final String STACKS = ".pulumi/stacks/";
    /** The name of the lock record ivsstack writes in Pulumi's lock directory (Pulumi's own are {@code <uuid>.json}). */
    public static final String OUR_LOCK = "ivsstack.json";

    public static String stacksOf(String project) {
        return STACKS + project + "/";
    }

    public String checkpoint() {
        return stacksOf(project) + stack + ".json";
    }

    /** The previous checkpoint, kept by every write as Pulumi's backend keeps it. */
    public String backup() {
        return checkpoint() + ".bak";
    }

    public String tags() {
        return stacksOf(project) + stack + ".pulumi-tags";
    }

    public String historyDirectory() {
        return ".pulumi/history/" + project + "/" + stack + "/";
    }

    /** An update's record ({@code apitype.UpdateInfo}); its timestamp is the end of the update in Unix nanoseconds. */
    public String history(long unixNanos) {
        return historyDirectory() + stack + "-" + unixNanos + ".history.json";
    }

    /** The checkpoint as it was at the end of that update. */
    public String historyCheckpoint(long unixNanos) {
        return historyDirectory() + stack + "-" + unixNanos + ".checkpoint.json";
    }

    /** Where the Pulumi CLI looks for locks of this stack; any object there stops it. */
    public String lockDirectory() {
        return ".pulumi/locks/organization/" + project + "/" + stack + "/";
    }

    public String ourLockRecord() {
        return lockDirectory() + OUR_LOCK;
    }

    /**
     * What ivsstack's own exclusive hold is named after: on a file system the file it locks (beside Pulumi's lock
     * directory, so that {@code pulumi cancel} cannot delete it from under a running ivsstack), on PostgreSQL the
     * advisory lock's number; on S3 the lock record itself is the hold.
     */
    public String hold() {
        return ".pulumi/locks/" + project + "/" + stack + ".ivsstack.lock";
    }
}
