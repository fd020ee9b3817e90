package com.ivsstack.emulator.service;

import java.util.Arrays;
import java.util.Optional;

/** The error codes IVS and IVS RealTime put on the wire, with the HTTP status each one travels with. */
public enum ErrorType {
    VALIDATION("ValidationException", 400),
    SERIALIZATION("SerializationException", 400),
    ACCESS_DENIED("AccessDeniedException", 403),
    PENDING_VERIFICATION("PendingVerification", 403),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CHANNEL_NOT_BROADCASTING("ChannelNotBroadcasting", 404),
    UNKNOWN_OPERATION("UnknownOperationException", 404),
    REQUEST_TIMEOUT("RequestTimeoutException", 408),
    CONFLICT("ConflictException", 409),
    REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413),
    REQUEST_HEADER_FIELDS_TOO_LARGE("RequestHeaderFieldsTooLargeException", 431),
    THROTTLING("ThrottlingException", 429),
    INTERNAL_SERVER("InternalServerException", 500),
    STREAM_UNAVAILABLE("StreamUnavailable", 503);

    private final String code;
    private final int httpStatus;

    ErrorType(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The error type with this wire code. */
    public static Optional<ErrorType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** The code sent in {@code x-amzn-ErrorType} and {@code __type}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
