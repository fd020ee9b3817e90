package com.ivsstack.provider.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that reads SDK exceptions: error codes of both IVS services to {@link IvsApiException.Kind}. The
 * clients apply it to every call that fails ({@link ErrorMapping}).
 */
public final class AwsErrors {

    private AwsErrors() {
    }

    public static IvsApiException map(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = message(service);
            int status = service.statusCode();
            IvsApiException.Kind kind = switch (code == null ? "" : code) {
                case "ResourceNotFoundException" -> IvsApiException.Kind.NOT_FOUND;
                case "ConflictException" -> IvsApiException.Kind.CONFLICT;
                case "ChannelNotBroadcasting" -> IvsApiException.Kind.NOT_BROADCASTING;
                case "ValidationException" -> IvsApiException.Kind.VALIDATION;
                case "AccessDeniedException" -> IvsApiException.Kind.ACCESS_DENIED;
                case "ServiceQuotaExceededException" -> IvsApiException.Kind.QUOTA_EXCEEDED;
                case "PendingVerification" -> IvsApiException.Kind.PENDING_VERIFICATION;
                case "ThrottlingException", "TooManyRequestsException" -> IvsApiException.Kind.THROTTLED;
                default -> status == 429 ? IvsApiException.Kind.THROTTLED
                        : status >= 500 ? IvsApiException.Kind.SERVICE_ERROR
                        : status == 404 ? IvsApiException.Kind.NOT_FOUND
                        : status == 409 ? IvsApiException.Kind.CONFLICT
                        : IvsApiException.Kind.OTHER;
            };
            return new IvsApiException(kind, message, e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new IvsApiException(IvsApiException.Kind.TIMEOUT, "the call timed out", e);
        }
        if (e instanceof SdkClientException) {
            return new IvsApiException(IvsApiException.Kind.CONNECTION, rootMessage(e), e);
        }
        return new IvsApiException(IvsApiException.Kind.OTHER, rootMessage(e), e);
    }

    private static String message(AwsServiceException e) {
        var details = e.awsErrorDetails();
        String text = details == null ? null : details.errorMessage();
        String code = details == null ? null : details.errorCode();
        String base = text == null || text.isBlank() ? (code == null ? "HTTP " + e.statusCode() : code) : text;
        return code == null || base.contains(code) ? base : base + " (" + code + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getMessage() != null && root != e ? e.getMessage().split("\n")[0] + " (" + text + ")" : text;
    }

}
