package com.ivsstack.emulator.service;

/** An error answer of the API: becomes an HTTP error response with the type's status and code. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    public ApiException(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorType.VALIDATION, message);
    }

    public static ApiException notFound(String arn) {
        return new ApiException(ErrorType.RESOURCE_NOT_FOUND, "Resource: " + arn + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorType.CONFLICT, message);
    }

    public static ApiException quotaExceeded(String message) {
        return new ApiException(ErrorType.SERVICE_QUOTA_EXCEEDED, message);
    }
}
