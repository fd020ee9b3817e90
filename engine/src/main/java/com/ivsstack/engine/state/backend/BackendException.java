package com.ivsstack.engine.state.backend;

/**
 * A state backend that cannot be used: one line that names the URL (never its password), what is wrong and the fix.
 * Thrown before anything is written.
 */
public final class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { BAD_URL, UNREACHABLE, MISSING, ACCESS_DENIED, NEWER_FORMAT, FAILED }

    private final Kind kind;

    public BackendException(Kind kind, String url, String problem, String fix) {
        this(kind, url, problem, fix, null);
    }

    public BackendException(Kind kind, String url, String problem, String fix, Throwable cause) {
        super("state backend " + url + ": " + problem + (fix == null || fix.isEmpty() ? "" : "; " + fix), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
