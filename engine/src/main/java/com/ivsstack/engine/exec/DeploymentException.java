package com.ivsstack.engine.exec;

/** A deployment step failed; the message says which resource and why. */
public final class DeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
