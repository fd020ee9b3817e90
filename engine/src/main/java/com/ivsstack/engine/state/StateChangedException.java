package com.ivsstack.engine.state;

/**
 * A checkpoint write refused by the store because the checkpoint changed since this run read or last wrote it: this
 * run's lock was removed ({@code cancel}) and another run wrote the stack since. Nothing was written; the other run's
 * state stands.
 */
public final class StateChangedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StateChangedException(String stack, String url, RuntimeException cause) {
        super("the state of stack '" + stack + "' in " + url + " was changed by another run while this one was running "
                + "(this run's lock was removed, e.g. with cancel); this run stopped without overwriting it. Run "
                + "refresh, then up again, to reconcile what this run did", cause);
    }
}
